"""The customer's case as the coach names it: topic, stated impact, and drafts built on them."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.drafts import DraftFacts, compose_draft, draft_situation
from gonggam.coach.insertions import insertable_sentence
from gonggam.coach.stated_impact import stated_impact
from gonggam.coach.text import analyze
from gonggam.coach.topic import case_topic


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("안녕하세요. 결제가 두 번 됐어요. 확인 부탁드려요.", "이중 결제"),
        ("어제 결제했는데 카드에서 돈이 두 번 빠져나갔어요.", "이중 결제"),
        ("주문한 운동화 배송이 안 와요", "운동화 배송 지연"),
        ("택배가 아직 안 왔어요 벌써 일주일째예요", "택배 배송 지연"),
        ("앱 로그인이 안 돼요 비밀번호는 맞는데", "로그인 오류"),
        ("환불이 아직 안 됐어요", "환불 처리 지연"),
        ("받은 컵이 깨져서 왔어요", "컵 파손"),
        ("안녕하세요 오후 3시에 예약했는데요 확인 부탁드려요", "예약"),
        ("Hi, I was charged twice for my order yesterday.", "the double charge on your order"),
        ("Hello! I got charged twice, please fix it.", "the double charge"),
        ("My package still hasn't arrived and it's been a week.", "the delay with your package"),
        ("Hi, I can't log in to my account since this morning.", "the sign-in problem"),
        ("my blender stopped working after two days", "your blender"),
    ],
)
def test_topic_names_the_failure_in_the_customers_terms(message: str, topic: str) -> None:
    named = case_topic(analyze(message))
    assert named is not None and named.name == topic


@pytest.mark.parametrize(
    "message",
    [
        "안녕하세요",
        "안녕하세요! 오늘 두 번이나 연락드렸어요",
        "Hi there, thanks so much, Dana was great",
    ],
)
def test_greetings_time_and_counts_are_not_a_topic(message: str) -> None:
    named = case_topic(analyze(message))
    assert named is None or not any(
        word in named.name for word in ("안녕", "오늘", "두 번", "twice", "much", "thanks")
    )


def test_suggestions_do_not_call_a_greeting_the_problem() -> None:
    result = coach_reply(
        "확인 후 안내해 드리겠습니다.",
        customer_message="안녕하세요. 결제가 두 번 됐어요.",
        situation="payment_error",
    )
    suggestions = " ".join(r.suggestion for r in result.rules)
    assert "안녕" not in suggestions
    assert "이중 결제" in result.rule("empathy").suggestion
    english = coach_reply(
        "We are looking into it.",
        customer_message="Hi, I was charged twice yesterday.",
        situation="payment_error",
    )
    assert "twice problem" not in " ".join(r.suggestion for r in english.rules)
    assert "the double charge" in english.rule("empathy").suggestion


@pytest.mark.parametrize(
    ("message", "clause"),
    [
        (
            "회사 발표 자료를 오늘 밤까지 올려야 해서 결제했는데 결제가 두 번 됐어요.",
            "회사 발표 자료를 오늘 밤까지 올리셔야 하는데",
        ),
        ("결제가 두 번 돼서 월세 이체가 막혀서 너무 곤란해요", "월세 이체가 막혀"),
        ("내일 출국인데 여권 케이스 배송이 안 와요", "내일 출국이신데"),
        ("저는 내일까지 서류를 제출해야 해요. 결제가 안 돼요", "내일까지 서류를 제출하셔야 하는데"),
        ("로그인이 안 돼서 주문을 못 해요", "주문이 막혀"),
        (
            "I was charged twice and now I can't pay my staff this week.",
            "you can't pay your staff this week",
        ),
        (
            "I need it for my daughter's birthday on Saturday",
            "you need it for your daughter's birthday on Saturday",
        ),
        ("I'm flying to Tokyo tomorrow and my booking is gone", "you're flying to Tokyo tomorrow"),
    ],
)
def test_stated_impact_is_told_back_to_the_customer(message: str, clause: str) -> None:
    found = stated_impact(message)
    assert found is not None and found.clause == clause


@pytest.mark.parametrize(
    "message",
    [
        "결제가 두 번 됐어요",
        "결제가 안 돼요",
        "이체가 막혔어요",
        "My order hasn't arrived",
        "Hi, wrong size.",
    ],
)
def test_no_impact_is_invented(message: str) -> None:
    assert stated_impact(message) is None


def _facts(
    message: str, name: str, language: str = "ko", intent: str = "payment_error"
) -> DraftFacts:
    return DraftFacts(
        customer_name=name,
        customer_message=message,
        intent=intent,
        emotion="frustrated",
        issue=None,
        impact=None,
        incident_eta=None,
        incident_workaround=None,
        kb_workaround=None,
        refused_request=None,
        compensation_alternative=None,
        language=language,
    )


def test_draft_tells_back_the_stated_impact_and_passes_impact() -> None:
    message = "회사 발표 자료를 오늘 밤까지 올려야 해서 결제했는데 결제가 두 번 됐어요."
    draft = compose_draft(_facts(message, "김민지"))
    assert "발표 자료를 오늘 밤까지 올리셔야 하는데 이중 결제로 막혀" in draft
    result = coach_reply(draft, customer_message=message, situation="payment_error")
    assert result.rule("impact").status == "pass"
    assert result.score >= 90


def test_draft_asks_when_no_impact_is_stated() -> None:
    draft = compose_draft(_facts("결제가 두 번 됐어요.", "김민지"))
    assert "차질이 생기셨다면 말씀해 주세요" in draft
    assert "소중한 시간" not in draft
    english = compose_draft(_facts("I was charged twice.", "Dana", "en"))
    assert "tell me" in english and "the double charge" in english
    assert "twice problem" not in english


def test_impact_insert_and_suggestion_use_the_customers_words() -> None:
    message = "월세 이체가 막혀서 너무 곤란해요. 결제가 두 번 됐거든요."
    sentence = insertable_sentence("impact", _facts(message, "김민지"))
    assert sentence == "이중 결제로 월세 이체가 막혀 얼마나 곤란하셨을지요."
    reply = "이중 결제는 저희 잘못입니다. 오늘 중으로 취소해 드리겠습니다."
    before = coach_reply(reply, customer_message=message, situation="payment_error")
    assert before.rule("impact").status == "fail"
    assert "월세 이체가 막혀" in before.rule("impact").suggestion
    after = coach_reply(f"{reply} {sentence}", customer_message=message, situation="payment_error")
    assert after.rule("impact").status == "pass"


SIMILAR = [
    (
        ("결제가 두 번 됐어요. 확인 부탁드려요.", "김민지"),
        ("카드 결제가 두 번 나갔어요", "박서준"),
        "ko",
    ),
    (("주문한 운동화 배송이 안 와요", "김민지"), ("택배가 아직 안 왔어요", "박서준"), "ko"),
    (
        ("앱 로그인이 안 돼요", "김민지"),
        ("로그인이 계속 안 돼요 비밀번호도 맞는데", "박서준"),
        "ko",
    ),
    (
        ("I was charged twice for my order.", "Dana"),
        ("I got charged twice, please fix it.", "Sam"),
        "en",
    ),
    (
        ("My package still hasn't arrived.", "Dana"),
        ("Still waiting for my parcel, it's been a week.", "Sam"),
        "en",
    ),
]


@pytest.mark.parametrize(("first", "second", "language"), SIMILAR)
def test_drafts_for_two_customers_are_not_near_copies(
    first: tuple[str, str], second: tuple[str, str], language: str
) -> None:
    earlier = compose_draft(_facts(*first, language))
    facts = _facts(*second, language)
    draft = compose_draft(facts)
    result = coach_reply(
        draft,
        customer_message=facts.customer_message,
        situation=draft_situation(facts).value,
        previous_replies=[earlier],
    )
    assert result.rule("no_template").status == "pass", (earlier, draft)
    assert result.score >= 80


@pytest.mark.parametrize(("first", "second", "language"), SIMILAR)
def test_a_draft_reused_for_another_customer_is_still_a_near_copy(
    first: tuple[str, str], second: tuple[str, str], language: str
) -> None:
    earlier = compose_draft(_facts(*first, language))
    reused = earlier.replace(first[1], second[1])
    result = coach_reply(reused, customer_message=second[0], previous_replies=[earlier])
    assert result.rule("no_template").status == "fail"
