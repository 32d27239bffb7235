"""Built-in drafts pass the coach (score ≥ 80, no clichés) for every intent and fact mix."""

from __future__ import annotations

import itertools

import pytest

from gonggam.coach import coach_reply
from gonggam.coach.drafts import DraftFacts, compose_draft, draft_situation
from gonggam.coach.playbooks import PLAYBOOK_DEFAULTS, PLAYBOOK_DEFAULTS_EN, playbook_for

INTENTS = [
    "payment_error",
    "refund_exchange",
    "delivery",
    "account_access",
    "technical_issue",
    "billing",
    "product_quality",
    "service_complaint",
    "general_inquiry",
    "praise",
    "excessive_demand",
    None,
]
MESSAGES = {
    "ko": "어제 결제했는데 카드에서 돈이 두 번 빠져나갔어요. 주문 내역엔 한 건만 있어요.",
    "en": "I was charged twice for my order yesterday and the app shows only one order.",
}
EXTRAS = {
    "ko": ("오늘 오후 6시까지", "PC 웹에서 결제하시는", "전액 환불", "교환이나 5,000원 적립금"),
    "en": ("by 6pm today", "you can pay on our website", "a full refund", "a free exchange"),
}


def _facts(language: str, intent: str | None, eta: bool, kb: bool, refusal: bool) -> DraftFacts:
    when, workaround, refused, alternative = EXTRAS[language]
    return DraftFacts(
        customer_name="김민지" if language == "ko" else "Dana",
        customer_message=MESSAGES[language],
        intent=intent,
        emotion="frustrated",
        issue=None,
        impact=None,
        incident_eta=when if eta else None,
        incident_workaround=None,
        kb_workaround=workaround if kb else None,
        refused_request=refused if refusal else None,
        compensation_alternative=alternative if refusal else None,
        language=language,
    )


@pytest.mark.parametrize(
    ("language", "intent", "eta", "kb", "refusal"),
    list(itertools.product(["ko", "en"], INTENTS, [False, True], [False, True], [False, True])),
)
def test_draft_passes_coach(
    language: str, intent: str | None, eta: bool, kb: bool, refusal: bool
) -> None:
    facts = _facts(language, intent, eta, kb, refusal)
    draft = compose_draft(facts)
    result = coach_reply(
        draft, customer_message=facts.customer_message, situation=draft_situation(facts).value
    )
    failing = [(r.id, r.evidence) for r in result.rules if r.status == "fail"]
    assert result.score >= 80, (draft, failing)
    assert result.cliches == [], draft


def test_draft_uses_eta_and_workaround() -> None:
    draft = compose_draft(_facts("ko", "technical_issue", eta=True, kb=True, refusal=False))
    assert "오늘 오후 6시까지" in draft and "PC 웹에서 결제하시는" in draft


def test_playbooks_cover_customer_types() -> None:
    assert (
        set(PLAYBOOK_DEFAULTS)
        == set(PLAYBOOK_DEFAULTS_EN)
        == {"excessive_demand", "emotional", "service_complaint", "standard"}
    )
    assert len(playbook_for("excessive_demand")) == 3
    assert playbook_for("unknown", "en") == PLAYBOOK_DEFAULTS_EN["standard"]
