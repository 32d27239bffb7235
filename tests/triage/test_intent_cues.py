"""What the customer does to what, where the request sits, and thanks that are only courtesy."""

from __future__ import annotations

import pytest

from gonggam.triage import analyze


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # "바꾸" with a size or colour is an exchange; with a payment date or method, billing.
        ("바지 길이가 길어서 한 사이즈 작은 걸로 바꾸고 싶어요", "refund_exchange"),
        ("검정 말고 네이비 색상으로 바꿔주실 수 있나요", "refund_exchange"),
        ("자동이체 결제일을 25일로 바꾸고 싶습니다", "billing"),
        ("카드 바꿨는데 정기결제 결제수단 변경은 어디서 해요", "billing"),
        # Cancelling a subscription is billing; cancelling an order is a refund.
        ("멤버십 자동갱신 취소하고 싶어요", "billing"),
        ("주문 취소하고 싶어요 아직 발송 전이죠?", "refund_exchange"),
        # A payment that fails is a payment error even when a site or app is named.
        ("사이트에서 결제 버튼 누르면 오류 떠요", "payment_error"),
        ("결제창에서 자꾸 멈춰요 카드 세 개 다 해봤어요", "payment_error"),
        ("앱 업데이트 후로 로그인하면 계속 튕겨요", "technical_issue"),
    ],
)
def test_verb_and_object_decide_the_intent(text: str, intent: str) -> None:
    assert analyze(text).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # Broken in transit (box crushed, "배송 중에") is a delivery problem ...
        ("택배 상자가 찌그러져서 왔는데 안에 접시 두 개가 깨졌어요", "delivery"),
        ("배송 중에 부딪혔는지 모서리가 다 파손돼서 왔어요", "delivery"),
        # ... a thing that arrived intact and does not work is the product.
        ("포장은 완벽했는데 꺼내서 켜보니 전원이 안 들어와요 불량인가요", "product_quality"),
        ("산 지 사흘 된 노트북 배터리가 벌써 부풀었어요", "product_quality"),
    ],
)
def test_damage_in_transit_versus_defect(text: str, intent: str) -> None:
    assert analyze(text).intent == intent


def test_the_clause_that_asks_outweighs_background() -> None:
    text = "어플이 좀 느리긴 한데요, 지난주 주문한 운동화 택배 언제 출발하는지 알려주세요"
    assert analyze(text).intent == "delivery"
    assert analyze("어플이 좀 느려요 화면 넘어갈 때마다 로딩이 길어요").intent == (
        "technical_issue"
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "안녕하세요. 다음 달 출장 때문에 문의드립니다. "
            "해외 배송도 가능한지 확인 부탁드립니다. 감사합니다.",
            "delivery",
        ),
        (
            "안녕하세요, 이번 달 청구서 금액이 지난달과 달라서 내역 설명 부탁드립니다. 감사합니다.",
            "billing",
        ),
    ],
)
def test_closing_thanks_after_a_request_is_not_praise(text: str, intent: str) -> None:
    result = analyze(text)
    assert result.intent == intent
    assert result.emotion != "satisfied"


@pytest.mark.parametrize(
    "text",
    [
        "빠르게 처리해주셔서 정말 감사합니다",
        "상담사님 덕분에 문제 해결했어요 감사해요",
        # Praise with a small complaint said softly stays praise.
        "옷 너무 예쁘고 맘에 들어요 다만 포장이 조금 구겨져 왔던 건 아쉬워요",
        "맛있게 잘 먹었어요 최고예요! 배송이 하루 늦은 것만 빼면요",
    ],
)
def test_real_thanks_and_praise_with_a_side_note(text: str) -> None:
    result = analyze(text)
    assert (result.intent, result.emotion) == ("praise", "satisfied")


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("결제 버튼 누르면 계속 실패로 떠요", "frustrated"),
        ("그릇이 다 깨져서 왔네요", "frustrated"),
        ("전화 연결될 때마다 처음부터 다시 설명하래요", "frustrated"),
        ("결제 버튼 누르면 실패로 떠요", "neutral"),
        ("그릇 하나에 금이 가 있어요", "neutral"),
    ],
)
def test_frustration_without_a_feeling_word(text: str, emotion: str) -> None:
    assert analyze(text).emotion == emotion


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("누가 제 계정으로 들어와서 배송지를 바꿔놨어요", "high"),
        ("새벽에 결제 알림이 왔는데 제가 한 게 아니에요", "high"),
        ("계정 이름을 바꾸고 싶은데 어디서 하나요?", "low"),
    ],
)
def test_someone_else_in_the_account_is_urgent(text: str, urgency: str) -> None:
    assert analyze(text).urgency == urgency
