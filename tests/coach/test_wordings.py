"""Rules read wordings beyond their first examples, in both directions (Korean and English)."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply

LATE = "소파 배송 3주 걸린다더니 5주째예요. 이사 와서 바닥에 앉아 지내요."
CHARGED = "PT 10회 결제했는데 20회 금액으로 110만 원이 결제됐어요. 이번 달 생활비예요."
LOST_BAG = "My bag didn't arrive in Lisbon. Three days. My medication was in there."

PROOF = "청첩장 받았는데 신랑 이름이 틀렸어요. 시안 확인할 땐 맞았는데 왜 이렇게 된 거죠?"
NO_REFUND = "상담사분이 2주 안에 환불된다고 했는데, 오늘 전화하니 환불 접수 자체가 안 돼 있대요."

CASES: list[tuple[str, str, str, str, str]] = [
    # (rule, reply, customer_message, situation, expected)
    (
        "empathy",
        "Twelve days of waiting on news like this must be agonising.",
        LOST_BAG,
        "delay",
        "pass",
    ),
    (
        "empathy",
        "오일이 새는 문제로 여러 번 연락 주셨는데 해결이 안 돼 화가 나신 상황은 충분히 이해합니다.",
        CHARGED,
        "complaint",
        "pass",
    ),
    (
        "empathy",
        "답답하신 마음은 이해합니다. 위약금은 약관대로 부과됩니다.",
        CHARGED,
        "complaint",
        "fail",
    ),
    # "you're" and "find" are everyone's words, not the customer's specifics.
    (
        "context",
        "I understand you're upset. Please visit our Help Centre, where you'll find guides.",
        "Listen, you're reading me a script and I can't find my bag anywhere.",
        "abuse",
        "fail",
    ),
    # Only the words of the exchange itself are shared ("확인" of "시안 확인").
    ("context", "담당 부서에 전달하여 확인 후 연락드리겠습니다.", PROOF, "mistake", "fail"),
    # The customer's own phrase told back together, though each word alone is everyday.
    (
        "context",
        "당시 상담 내용을 보니 환불 접수가 되지 않은 채 상담이 끝났습니다.",
        NO_REFUND,
        "mistake",
        "pass",
    ),
    (
        "impact",
        "55만 원이나 더 나가 있는데 이리저리 돌려보내지기까지 하셨네요.",
        CHARGED,
        "payment_error",
        "pass",
    ),
    (
        "impact",
        "Being without your medication is the part that worries me most.",
        LOST_BAG,
        "delay",
        "pass",
    ),
    (
        "impact",
        "결제 관련 문의하신 부분은 담당 부서에서 확인하겠습니다.",
        CHARGED,
        "payment_error",
        "fail",
    ),
    (
        "empathy",
        "수수료만 120만 원이라니 아깝게 느끼시는 게 당연합니다.",
        CHARGED,
        "payment_error",
        "pass",
    ),
    ("empathy", "I understand how annoying this must be.", LOST_BAG, "delay", "fail"),
    ("empathy", "고객님의 불편한 마음 충분히 이해합니다.", LATE, "delay", "fail"),
    (
        "ownership",
        "이런 일은 저희가 막았어야 하는 일입니다. 오늘 재발송했습니다.",
        LATE,
        "delay",
        "pass",
    ),
    ("ownership", "최대한 빠르게 받아보실 수 있도록 하겠습니다.", LATE, "delay", "fail"),
    (
        "ownership",
        "We are committed to continually improving our service.",
        LOST_BAG,
        "delay",
        "fail",
    ),
    ("workaround", "오늘 밤 버티실 수 있게 이동식 냉풍기를 보내 드릴게요.", LATE, "delay", "pass"),
    (
        "workaround",
        "I've arranged a hire car until your car is returned.",
        LOST_BAG,
        "delay",
        "pass",
    ),
    ("workaround", "시간이 걸려 죄송합니다. 내일 도착합니다.", LATE, "delay", "fail"),
    (
        "urgency",
        "해당 상담 녹취를 오늘 팀장이 직접 들었고, 상담원과 면담했습니다.",
        LATE,
        "complaint",
        "pass",
    ),
    ("urgency", "I've removed the $340 from your bill today.", LOST_BAG, "payment_error", "pass"),
    ("urgency", "현재 물량이 많아 출고가 지연되고 있습니다.", LATE, "delay", "fail"),
    (
        "follow_up",
        "메일을 보낸 뒤 제가 직접 전화로 한 번 더 확인해 드릴게요.",
        LATE,
        "mistake",
        "pass",
    ),
    (
        "follow_up",
        "한도를 바꿀 때 변경 내용을 다시 읽어 드리도록 절차를 바로잡았습니다.",
        LATE,
        "mistake",
        "pass",
    ),
    (
        "follow_up",
        "I'll message you here the minute logins are back.",
        LOST_BAG,
        "incident",
        "pass",
    ),
    (
        "gratitude",
        "교재 배송 문의 주셔서 감사합니다. 출고가 닷새 늦어졌습니다.",
        LATE,
        "delay",
        "pass",
    ),
    (
        "gratitude",
        "Thanks for reaching out. Your bag is booked on tomorrow's flight.",
        LOST_BAG,
        "delay",
        "pass",
    ),
    ("gratitude", "조금만 기다려 주시면 감사하겠습니다.", LATE, "delay", "fail"),
    ("gratitude", "소파는 내일 오전에 도착합니다. 감사합니다.", LATE, "delay", "fail"),
    (
        "calm_tone",
        "결제수단 변경은 익월부터 적용된다고 가입 시 안내드린 바 있습니다.",
        CHARGED,
        "payment_error",
        "fail",
    ),
    (
        "calm_tone",
        "배달이 늦은 건 비가 와서 그런 거고 저희 잘못이 아닙니다.",
        LATE,
        "delay",
        "fail",
    ),
    ("impact", "3일째 정산이 안 들어와서 걱정 많으셨죠.", CHARGED, "payment_error", "pass"),
    ("impact", "You shouldn't have had to chase us three times.", LOST_BAG, "delay", "pass"),
    ("acknowledge", "미리 말씀드렸어야 했는데 그러지 못했습니다.", LATE, "complaint", "pass"),
    ("acknowledge", "사전에 공지가 없었던 점 사과드립니다.", LATE, "incident", "pass"),
    (
        "acknowledge",
        "The order didn't complete, so no tickets were issued.",
        LOST_BAG,
        "incident",
        "pass",
    ),
    (
        "acknowledge",
        "확인 전까지 공급 중단 관련 사항은 보류될 수 있습니다.",
        LATE,
        "incident",
        "fail",
    ),
    ("follow_up", "복구되면 공지사항으로 알려 드리겠습니다.", LATE, "incident", "fail"),
    ("follow_up", "지난번 조치 결과를 알려 드리지 못해 죄송합니다.", LATE, "complaint", "fail"),
    (
        "follow_up",
        "앞으로 매물 등록 시 주차 여부를 중개사에게 한 번 더 확인받도록 하겠습니다.",
        LATE,
        "mistake",
        "pass",
    ),
    ("follow_up", "앞으로 더 나은 서비스로 보답하겠습니다.", LATE, "complaint", "fail"),
    (
        "ownership",
        "We have notified the relevant department regarding your concern.",
        LOST_BAG,
        "delay",
        "fail",
    ),
    (
        "ownership",
        "제가 방금 두 번째 승인 건을 취소했고, 카드사 문자로 알림이 갑니다.",
        CHARGED,
        "payment_error",
        "pass",
    ),
    ("ownership", "택배사 물량 증가로 배송이 지연되고 있습니다.", LATE, "delay", "fail"),
    (
        "workaround",
        "I've lifted the block just now, so your card works again.",
        LOST_BAG,
        "incident",
        "pass",
    ),
    (
        "workaround",
        "복구 완료 시점은 현장 상황에 따라 달라질 수 있습니다.",
        LATE,
        "incident",
        "fail",
    ),
    (
        "calm_tone",
        "That's a failure of our support, not something you should have had to repeat.",
        LOST_BAG,
        "complaint",
        "pass",
    ),
]


@pytest.mark.parametrize(("rule", "reply", "customer", "situation", "expected"), CASES)
def test_rule_reads_the_wording(
    rule: str, reply: str, customer: str, situation: str, expected: str
) -> None:
    result = coach_reply(reply, customer_message=customer, situation=situation)
    assert result.rule(rule).status == expected, result.rule(rule).evidence


def test_a_rule_refused_with_its_condition_and_what_can_be_given_passes() -> None:
    reply = (
        "구매하신 특가 운임은 값을 낮춘 대신 환불이 안 되는 조건이라 항공권 금액은 돌려드리기 "
        "어렵습니다. 다만 공항세 8만 2천 원은 오늘 돌려드릴 수 있습니다."
    )
    result = coach_reply(reply, customer_message="회사 일정으로 못 가게 됐어요. 환불해 주세요.")
    assert result.rule("policy_alternative").status == "pass"


def test_a_refusal_dressed_as_a_rule_still_needs_an_alternative() -> None:
    reply = (
        "Room allocation is at the sole discretion of the hotel, and we are unable to guarantee "
        "specific views. Please raise this with the hotel directly."
    )
    customer = "We booked a sea-view room for our honeymoon and got the car park. Refund us."
    result = coach_reply(reply, customer_message=customer, situation="complaint")
    assert result.rule("policy_alternative").status == "fail"


def test_a_long_english_paragraph_is_not_a_wall_but_a_long_korean_one_is() -> None:
    english = " ".join(["Your refund of $480 was resent this morning on its own."] * 14)
    korean = " ".join(["환불 480달러는 오늘 아침에 따로 다시 보냈습니다."] * 26)
    assert 600 < len(english) < 1000 and len(korean) > 600
    assert coach_reply(english, situation="delay").rule("plain_language").status == "pass"
    assert coach_reply(korean, situation="delay").rule("plain_language").status == "fail"


def test_policy_text_alone_is_a_template_and_shows_no_context() -> None:
    customer = (
        "인강 결제한 지 일주일인데 보험금 청구 서류 심사 결과가 아직도 없어요. 병원비 급해요."
    )
    reply = (
        "보험금 청구 건은 접수 순서대로 심사가 진행되며 서류 검토 결과에 따라 처리 기간이 "
        "달라질 수 있습니다."
    )
    result = coach_reply(reply, customer_message=customer, situation="delay")
    assert result.rule("context").status == "fail"
    assert result.rule("no_template").status == "fail"


def test_a_refusal_that_says_why_with_an_alternative_passes() -> None:
    reply = (
        "Annual plans aren't refundable part-way through, since the discount is priced on the "
        "full year. What I can do is pause your membership for up to 12 months."
    )
    customer = "I'm moving abroad. Refund the rest of my annual plan."
    result = coach_reply(reply, customer_message=customer, situation="policy_refusal")
    assert result.rule("policy_alternative").status == "pass"
