"""`coach.kinds`: the customer's failure named back in the business's words."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.kinds import named_kind
from gonggam.coach.text import analyze

PARCEL = "주문한 지 일주일이 넘었는데 아직도 배송 준비중이에요. 토요일 아이 생일 선물이에요."
WATER = "오늘 아침부터 물이 안 나와요. 관리실 전화도 안 받고요."
CHARGED = "Ordered dinner for my team, $186. Now BOTH charges are on my company card."


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        (PARCEL, "물량 증가로 배송이 다소 지연되고 있습니다."),
        (WATER, "지하 배관 누수로 단수 중입니다."),
        (CHARGED, "We took a duplicate payment for that order."),
        ("회사 메일이 오전 내내 안 들어와요.", "메일 수신 지연은 스팸 필터 문제로 발생했습니다."),
    ],
)
def test_the_reported_failure_named_in_other_words_is_found(customer: str, reply: str) -> None:
    assert named_kind(customer, analyze(reply)) is not None


@pytest.mark.parametrize(
    ("customer", "reply"),
    [
        # only a possibility
        (PARCEL, "명절 기간에는 배송이 다소 지연될 수 있습니다."),
        # a failure of another kind than the one reported
        (WATER, "요금 청구가 중복되었습니다."),
        # the customer reported no delay
        (CHARGED, "Your parcel is running late."),
    ],
)
def test_a_possibility_or_another_failure_is_not_the_reported_one(
    customer: str, reply: str
) -> None:
    assert named_kind(customer, analyze(reply)) is None


def test_a_named_delay_shows_context_but_beside_stock_phrases_is_still_a_template() -> None:
    plain = coach_reply(
        "물량 증가로 배송이 다소 지연되고 있습니다.", customer_message=PARCEL, situation="delay"
    )
    assert plain.rule("context").status == "pass"
    stock = coach_reply(
        "배송 지연으로 불편을 드려 죄송합니다. 최대한 빨리 보내 드리겠습니다.",
        customer_message=PARCEL,
        situation="delay",
    )
    assert stock.rule("context").status == "pass"
    assert stock.rule("no_template").status == "fail"


def test_a_named_outage_without_stock_phrases_is_not_a_template() -> None:
    result = coach_reply(
        "지하 배관 누수로 단수 중입니다. 오후 3시에 재개됩니다.",
        customer_message=WATER,
        situation="incident",
    )
    assert result.rule("context").status == "pass"
    assert result.rule("no_template").status == "pass"
