"""Cliché spans survive spacing, honorific and ending variants; near-copies fail no_template."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.similarity import find_near_copy


@pytest.mark.parametrize(
    "reply",
    [
        "불편을 드려서 정말 죄송합니다.",
        "불편드려 죄송해요",
        "불편을끼쳐드려 대단히 송구합니다.",
        "확인 후 안내해드릴게요.",
        "양해 부탁 드려요.",
        "We are sincerely sorry for any inconvenience caused.",
        "We're looking into it!",
    ],
)
def test_variants_match(reply: str) -> None:
    cliches = coach_reply(reply).cliches
    assert cliches, reply
    start, end, _ = cliches[0]
    assert 0 <= start < end <= len(reply)


def test_span_points_into_original_reply() -> None:
    reply = "김 고객님, 안녕하세요. 불편을 드려서 정말 죄송합니다. 주문은 오늘 출고했어요."
    (start, end, phrase), *_ = coach_reply(reply).cliches
    assert reply[start:end] == "불편을 드려서 정말 죄송합니다"
    assert phrase == "불편을 드려 죄송합니다"


def test_specific_sentence_is_not_a_cliche() -> None:
    assert coach_reply("결제 오류로 12시간 동안 주문을 못 하셔서 답답하셨겠어요.").cliches == []


def test_extra_cliches_from_admins() -> None:
    reply = "고객님의 목소리에 귀 기울이겠습니다."
    assert coach_reply(reply).cliches == []
    found = coach_reply(reply, extra_cliches=["목소리에 귀 기울이겠습니다"]).cliches
    assert found and found[0][2] == "목소리에 귀 기울이겠습니다"


def test_boilerplate_only_fails_no_template() -> None:
    result = coach_reply("We apologize for any inconvenience. We are looking into it.")
    assert result.rule("no_template").status == "fail"


@pytest.mark.parametrize(
    ("reply", "customer", "situation"),
    [
        (
            "Refunds are not possible. Please refer to our policy.",
            "I forgot to cancel and got charged $480 for the renewal. I haven't used it in months.",
            "policy_refusal",
        ),
        (
            "처리되면 바로 문자 드릴게요.",
            "카드 결제가 계속 거절돼요. 마트 계산대에서 창피해 죽는 줄 알았어요.",
            "incident",
        ),
    ],
)
def test_a_reply_that_fits_anyone_is_a_template_even_without_stock_phrases(
    reply: str, customer: str, situation: str
) -> None:
    result = coach_reply(reply, customer_message=customer, situation=situation)
    assert result.cliches == []
    assert result.rule("context").status == "fail"
    assert result.rule("no_template").status == "fail"


def test_near_copy_of_previous_reply_fails() -> None:
    previous = [
        "김민지 고객님, 주문하신 운동화가 늦어져 답답하셨겠어요. "
        "저희 출고 누락입니다. 내일 오전까지 보내 드릴게요.",
        "전혀 다른 답장입니다. 환불은 오늘 처리했어요.",
    ]
    reply = (
        "박서준 고객님, 주문하신 운동화가 늦어져 답답하셨겠어요. "
        "저희 출고 누락입니다. 내일 오전까지 보내 드릴게요."
    )
    result = coach_reply(reply, situation="delay", previous_replies=previous)
    rule = result.rule("no_template")
    assert rule.status == "fail"
    assert "#1" in rule.evidence and "%" in rule.evidence
    copy = find_near_copy(reply, previous)
    assert copy is not None and copy.index == 0 and copy.similarity > 0.7


def test_different_reply_is_not_a_near_copy() -> None:
    assert (
        find_near_copy("오늘 환불을 마쳤고 내일 입금됩니다.", ["배송은 금요일까지 도착합니다."])
        is None
    )
