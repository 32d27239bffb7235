"""Each rule in both directions, Korean and English, with paraphrases."""

from __future__ import annotations

import pytest

from gonggam.coach import RULE_IDS, coach_reply

PAY = "어제 결제했는데 카드에서 돈이 두 번 빠져나갔어요. 생활비라 급해요."
PAY_EN = "I was charged twice for order 58211 and that was my rent money."

CASES: list[tuple[str, str, str | None, str, str]] = [
    # (rule, reply, customer_message, situation, expected)
    ("context", "카드 이중 결제로 생활비가 묶이셨군요.", PAY, "payment_error", "pass"),
    ("context", "불편을 드려 죄송합니다.", PAY, "payment_error", "fail"),
    ("context", "Order 58211 was charged twice, I see it here.", PAY_EN, "payment_error", "pass"),
    ("context", "Thanks for your message.", PAY_EN, "payment_error", "fail"),
    ("context", "주문번호를 알려 주시겠어요?", "환불 어떻게 해요?", "question", "pass"),
    ("acknowledge", "저희 쪽 결제 오류로 두 번 승인됐습니다.", PAY, "payment_error", "pass"),
    ("acknowledge", "카드가 이중으로 결제되었습니다.", PAY, "payment_error", "pass"),
    ("acknowledge", "불편을 드려서 정말 죄송합니다.", PAY, "payment_error", "fail"),
    ("acknowledge", "We charged your card twice, our mistake.", PAY_EN, "payment_error", "pass"),
    ("acknowledge", "Sorry for the inconvenience.", PAY_EN, "payment_error", "fail"),
    ("impact", "생활비가 묶이셔서 곤란하셨죠.", PAY, "payment_error", "pass"),
    ("impact", "장사를 못 하셨다니요.", PAY, "incident", "pass"),
    ("impact", "결제 건을 확인했습니다.", PAY, "payment_error", "fail"),
    ("impact", "I know it left you unable to pay rent.", PAY_EN, "payment_error", "pass"),
    ("impact", "We have checked the payment.", PAY_EN, "payment_error", "fail"),
    ("empathy", "많이 답답하셨겠어요.", PAY, "payment_error", "pass"),
    ("empathy", "제가 고객님 입장이라도 화가 났을 거예요.", PAY, "payment_error", "pass"),
    ("empathy", "결제 내역을 조회했습니다.", PAY, "payment_error", "fail"),
    ("empathy", "That must have been really stressful.", PAY_EN, "payment_error", "pass"),
    ("empathy", "We understand your frustration.", PAY_EN, "payment_error", "fail"),
    (
        "ownership",
        "결제대행사 문제였지만 고객님께는 저희 책임입니다.",
        PAY,
        "payment_error",
        "pass",
    ),
    ("ownership", "PG사 네트워크 문제로 이중 결제가 발생했습니다.", PAY, "payment_error", "fail"),
    ("ownership", "택배사 사정이라 저희도 어쩔 수 없습니다.", PAY, "delay", "fail"),
    (
        "ownership",
        "The gateway failed, but we take full responsibility.",
        PAY_EN,
        "payment_error",
        "pass",
    ),
    (
        "ownership",
        "The payment gateway provider has had network problems.",
        PAY_EN,
        "payment_error",
        "fail",
    ),
    ("eta", "12시간 내에 취소해 드리겠습니다.", PAY, "payment_error", "pass"),
    ("eta", "내일 오전까지 처리하겠습니다.", PAY, "payment_error", "pass"),
    ("eta", "2~3일 걸립니다.", PAY, "payment_error", "pass"),
    ("eta", "빠른 시일 내에 처리하겠습니다.", PAY, "payment_error", "fail"),
    ("eta", "최대한 빨리 해 드릴게요.", PAY, "payment_error", "fail"),
    ("eta", "즉시 100% 해결해 드리겠습니다.", PAY, "payment_error", "fail"),
    ("eta", "It will be refunded within 24 hours.", PAY_EN, "payment_error", "pass"),
    ("eta", "You'll have it by Friday.", PAY_EN, "payment_error", "pass"),
    ("eta", "We will refund you as soon as possible.", PAY_EN, "payment_error", "fail"),
    ("workaround", "그동안은 계좌이체로 주문하실 수 있습니다.", PAY, "payment_error", "pass"),
    ("workaround", "처리되면 알려 드리겠습니다.", PAY, "payment_error", "fail"),
    (
        "workaround",
        "In the meantime, you can pay by bank transfer.",
        PAY_EN,
        "payment_error",
        "pass",
    ),
    ("urgency", "지금 담당 팀이 최우선으로 처리하고 있습니다.", PAY, "payment_error", "pass"),
    ("urgency", "처리되면 알려 드리겠습니다.", PAY, "payment_error", "fail"),
    ("urgency", "Our engineers are working on it right now.", PAY_EN, "incident", "pass"),
    ("urgency", "We will let you know.", PAY_EN, "incident", "fail"),
    ("follow_up", "해결되면 제가 다시 연락드리겠습니다.", PAY, "payment_error", "pass"),
    ("follow_up", "같은 일이 없도록 원인을 파악하겠습니다.", PAY, "payment_error", "pass"),
    ("follow_up", "감사합니다.", PAY, "payment_error", "fail"),
    ("follow_up", "I'll check back with you on Friday.", PAY_EN, "payment_error", "pass"),
    ("gratitude", "알려 주셔서 감사합니다.", PAY, "payment_error", "pass"),
    ("gratitude", "Thanks for flagging this.", PAY_EN, "payment_error", "pass"),
    ("gratitude", "처리하겠습니다.", PAY, "payment_error", "fail"),
    ("plain_language", "ERR_502 오류로 OMS 연동이 실패했습니다.", PAY, "payment_error", "fail"),
    ("plain_language", "SKU-1234 재고가 없습니다.", PAY, "question", "fail"),
    ("plain_language", "결제가 두 번 된 것을 취소했어요.", PAY, "payment_error", "pass"),
    ("plain_language", "가" * 130 + ".", PAY, "question", "fail"),
    ("plain_language", " ".join(["word"] * 45) + ".", PAY_EN, "question", "fail"),
    ("policy_alternative", "규정상 불가합니다.", "환불해 주세요", "policy_refusal", "fail"),
    (
        "policy_alternative",
        "수령 후 7일이 지나 규정상 환불은 어렵습니다. 대신 교환이나 적립금으로 도와드릴게요.",
        "환불해 주세요",
        "policy_refusal",
        "pass",
    ),
    (
        "policy_alternative",
        "Our policy only allows refunds within 30 days, so we can't refund it. "
        "I can offer store credit.",
        "Refund please",
        "policy_refusal",
        "pass",
    ),
    ("policy_alternative", "결제 오류를 확인했습니다.", PAY, "payment_error", "n/a"),
    ("calm_tone", "고객님이 잘못 쓰신 겁니다.", PAY, "complaint", "fail"),
    ("calm_tone", "그걸 저희더러 어쩌라는 건가요?", PAY, "complaint", "fail"),
    ("calm_tone", "규정도 안 읽으셨나요?", PAY, "complaint", "fail"),
    ("calm_tone", "You should have read the terms.", PAY_EN, "complaint", "fail"),
    ("calm_tone", "함께 해결해 보겠습니다.", PAY, "complaint", "pass"),
    ("eta", "감사합니다!", "정말 친절했어요", "praise", "n/a"),
    ("acknowledge", "등급은 매달 1일에 올라갑니다.", "등급 언제 올라요?", "question", "n/a"),
]


@pytest.mark.parametrize(("rule_id", "reply", "message", "situation", "expected"), CASES)
def test_rule(rule_id: str, reply: str, message: str, situation: str, expected: str) -> None:
    result = coach_reply(reply, customer_message=message, situation=situation).rule(rule_id)
    assert result.status == expected, result
    if expected == "fail":
        assert result.evidence and result.suggestion
    else:
        assert result.suggestion == ""


def test_suggestion_uses_customer_specifics() -> None:
    result = coach_reply(
        "불편을 드려 죄송합니다.",
        customer_message="주문한 운동화가 아직 안 왔어요. 경기가 있어서 토요일까지 필요해요.",
        situation="delay",
    )
    assert "운동화" in result.rule("context").suggestion
    assert "토요일" in result.rule("eta").suggestion


def test_contract_shape_and_score() -> None:
    result = coach_reply("불편을 드려 죄송합니다.")
    data = result.to_dict()
    assert set(data) == {"score", "rules", "cliches"}
    assert [r["id"] for r in data["rules"]] == list(RULE_IDS)  # type: ignore[union-attr]
    assert all(set(r) == {"id", "status", "evidence", "suggestion"} for r in data["rules"])  # type: ignore[union-attr]
    assert 0 <= result.score < 50


def test_situation_inferred_from_customer_message() -> None:
    praise = coach_reply(
        "칭찬 감사합니다! 상담사에게 꼭 전할게요.", customer_message="상담사님 정말 친절했어요"
    )
    assert praise.rule("eta").status == "n/a"
    complaint = coach_reply("확인해 볼게요.", customer_message="결제 오류가 났어요")
    assert complaint.rule("eta").status == "fail"


def test_unknown_situation_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown situation"):
        coach_reply("네", situation="weather")


def test_not_applicable_says_why_and_situation_is_reported() -> None:
    result = coach_reply("칭찬 감사합니다!", customer_message="상담사님 정말 친절했어요")
    assert result.situation == "praise"
    eta = result.rule("eta")
    assert eta.status == "n/a" and "praise" in eta.evidence and eta.suggestion == ""
    assert "situation" not in result.to_dict()


@pytest.mark.parametrize(
    "reply",
    ["서운하셨겠어요.", "얼마나 막막하셨을까요.", "많이 힘드셨죠.", "괘씸하셨을 것 같아요."],
)
def test_empathy_from_feeling_conjecture_morphemes(reply: str) -> None:
    # Feeling adjectives outside any cue list still count through Kiwi's tags.
    assert coach_reply(reply, situation="complaint").rule("empathy").status == "pass"


def test_honorific_conjecture_of_an_action_is_not_empathy() -> None:
    assert (
        coach_reply("택배는 받으셨겠지만", situation="complaint").rule("empathy").status == "fail"
    )
