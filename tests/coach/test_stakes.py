"""`coach.stakes`: the customer's circumstance told back as a frame in English replies."""

from __future__ import annotations

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.stakes import english_circumstance

NAME_TYPO = (
    "Your agent typed my last name as 'Kimm' instead of 'Kim'. Now the app says the name "
    "doesn't match my passport and I fly to Osaka on Thursday morning."
)
PORTED = (
    "I ported my number to you on Monday and my SIM still says 'No Service'. I'm a realtor, "
    "I'm missing client calls."
)


@pytest.mark.parametrize(
    ("reply", "customer"),
    [
        ("With an Osaka flight on Thursday morning I can see why that's frightening.", NAME_TYPO),
        ("Missing client calls for three days in your line of work is a real loss.", PORTED),
        ("I'm sorry, especially with your Osaka trip this week.", NAME_TYPO),
    ],
)
def test_a_frame_with_the_customers_circumstance_is_found(reply: str, customer: str) -> None:
    assert english_circumstance(reply, customer) is not None


@pytest.mark.parametrize(
    ("reply", "customer"),
    [
        # a frame about the company, not the customer
        ("With our new booking system, name changes are free.", NAME_TYPO),
        # the failure itself in the frame (their first sentence), not what it costs them
        ("Having your number ported is taking far too long.", PORTED),
    ],
)
def test_a_frame_without_the_customers_circumstance_is_not(reply: str, customer: str) -> None:
    assert english_circumstance(reply, customer) is None


def test_impact_passes_on_the_circumstance_told_back_and_fails_without_it() -> None:
    told = coach_reply(
        "Our agent added an extra 'm' to your surname. With an Osaka flight on Thursday "
        "morning I can see why that's frightening. I've corrected it just now.",
        customer_message=NAME_TYPO,
        situation="mistake",
    )
    assert told.rule("impact").status == "pass"
    bare = coach_reply(
        "Our agent added an extra 'm' to your surname. I've corrected it just now.",
        customer_message=NAME_TYPO,
        situation="mistake",
    )
    assert bare.rule("impact").status == "fail"
