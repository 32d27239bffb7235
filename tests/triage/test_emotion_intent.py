"""Intent, emotion, customer type and urgency on messages as customers write them."""

from __future__ import annotations

import pytest

from gonggam.triage import IntentCatalog, IntentDefinition, analyze


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("결제했는데 주문내역이 없어요 돈은 빠져나갔어요", "payment_error"),
        ("사이즈가 작아서 교환하고 싶어요", "refund_exchange"),
        ("택배 언제 와요? 일주일째 배송준비중이네요", "delivery"),
        ("비번 까먹었는데 재설정 메일이 안 와요", "account_access"),
        ("업데이트 후에 앱이 자꾸 튕겨요", "technical_issue"),
        ("이번 달 요금이 너무 많이 청구됐어요", "billing"),
        ("받자마자 보니 불량이에요 박음질이 다 터짐", "product_quality"),
        ("상담원이 너무 불친절해요 말도 안 듣고 끊었어요", "service_complaint"),
        ("주말에도 영업하시나요?", "general_inquiry"),
        ("상담원님 덕분에 해결됐어요 칭찬합니다", "praise"),
        ("My package hasn't arrived yet", "delivery"),
        ("I was charged twice for one order", "payment_error"),
    ],
)
def test_intent(text: str, intent: str) -> None:
    assert analyze(text).intent == intent


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("주문 취소 부탁드립니다", "neutral"),
        ("환불 언제 돼요?? 아직도 안 들어왔어요 답답하네요", "frustrated"),
        ("장난하세요? 이중결제 해놓고 연락도 없고 진짜 화가 나네요!!!", "angry"),
        ("계정이 해킹당한 것 같아요 어떡해요 ㅠㅠ", "anxious"),
        ("빠른 처리 감사합니다 😊", "satisfied"),
        ("This is RIDICULOUS, my account is locked AGAIN!!!", "angry"),
    ],
)
def test_emotion(text: str, emotion: str) -> None:
    assert analyze(text).emotion == emotion


def test_intensity_grows_with_markers() -> None:
    calm = analyze("배송이 늦네요").intensity
    loud = analyze("배송이 진짜 너무 늦네요!!! ㅡㅡ 몇 번째예요 도대체").intensity
    assert loud > calm + 0.3
    assert 0.0 <= calm <= 1.0 and 0.0 <= loud <= 1.0


def test_confidence_is_lower_with_few_signals() -> None:
    weak = analyze("확인 좀 해주세요").intent_confidence
    strong = analyze(
        "이중결제 됐어요 결제 오류로 두 번 승인됐습니다 결제 취소 부탁드려요"
    ).intent_confidence
    assert weak < 0.5 < strong


@pytest.mark.parametrize(
    ("text", "customer_type"),
    [
        ("불량품 보내놓고 전액 환불에 보상금까지 10배로 물어내세요", "excessive_demand"),
        ("무조건 새 제품으로 바꿔주고 보상금 100만원 주세요", "excessive_demand"),
        ("한 시간째 대기중인데 전화 연결이 안 돼요", "service_complaint"),
        ("직원 태도가 너무 불친절했어요", "service_complaint"),
        ("진짜 너무 화가 나서 미치겠네요!!! 어이가 없어요 ㅡㅡ", "emotional"),
        ("주문한 상품 배송지 변경하고 싶어요", "standard"),
    ],
)
def test_customer_type(text: str, customer_type: str) -> None:
    assert analyze(text).customer_type == customer_type


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("가게 결제 단말기가 먹통이라 장사를 못하고 있어요", "urgent"),
        ("충전하다가 연기가 나고 타는 냄새가 나요", "urgent"),
        ("환불 안 해주면 고소하겠습니다", "urgent"),
        ("맘카페에 다 올릴 겁니다", "urgent"),
        ("오늘까지 꼭 받아야 하는데 출고됐나요?", "high"),
        ("모르는 로그인 기록이 있어요 해킹당한 것 같아요", "high"),
        ("배송지 변경하고 싶어요", "normal"),
        ("포인트 유효기간이 어떻게 되나요?", "low"),
        ("친절한 상담 감사합니다", "low"),
    ],
)
def test_urgency(text: str, urgency: str) -> None:
    assert analyze(text).urgency == urgency


def test_public_channel_raises_a_complaint_to_urgent() -> None:
    text = "배송이 아직도 안 왔네요 짜증나요"
    assert analyze(text).urgency != "urgent"
    assert analyze(text, channel="social").urgency == "urgent"


def test_threat_is_urgent_and_legal_action_is_not_abuse() -> None:
    threat = analyze("너네 회사 찾아간다 가만 안 둔다")
    assert threat.abusive and threat.urgency == "urgent"
    legal = analyze("변호사 통해서 법적 조치 하겠습니다")
    assert not legal.abusive and legal.urgency == "urgent"


def test_organisation_can_add_its_own_intent() -> None:
    membership = IntentDefinition.from_keywords(
        "membership",
        ["멤버십", "등급", "VIP"],
        examples=["멤버십 등급은 언제 올라가나요?", "VIP 혜택이 궁금해요"],
    )
    catalog = IntentCatalog.default().with_intents(membership)
    assert "membership" in catalog.names
    assert analyze("VIP 등급 혜택이 뭐예요?", catalog=catalog).intent == "membership"
    # The built-in intents still work with the extended catalog.
    assert analyze("택배가 안 와요", catalog=catalog).intent == "delivery"
    assert analyze("VIP 등급 혜택이 뭐예요?").intent == "general_inquiry"
