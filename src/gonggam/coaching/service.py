"""Coaching a reply with its conversation's context, and storing the verdict with the reply.

The pure coach (`gonggam.coach`) knows nothing about conversations; this module gathers what
it needs: the customer's latest words (masked), the situation from triage, this agent's
replies to other customers (near-copies fail `no_template`) and the admins' boilerplate
phrases on top of the built-in lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.coach import CoachResult, coach_reply
from gonggam.coach.drafts import DraftFacts
from gonggam.coach.insertions import insertable_sentence
from gonggam.coach.llm import Draft, LLMSettings, best_draft
from gonggam.coach.result import FAIL
from gonggam.coach.situation import DEMAND_CUES, parse_situation
from gonggam.coaching import repository
from gonggam.coaching.models import ReplyCoaching
from gonggam.config import Settings
from gonggam.conversations import service as conversations
from gonggam.conversations.models import Conversation, EventKind, Message

# The specific problem in the customer's terms, by triage intent (joined to their own words).
ISSUES_KO: dict[str, str] = {
    "payment_error": "결제 오류",
    "billing": "요금 청구 오류",
    "delivery": "배송 지연",
    "account_access": "로그인 문제",
    "technical_issue": "서비스 오류",
    "product_quality": "상품 불량",
    "refund_exchange": "환불·교환 처리 문제",
    "service_complaint": "응대 문제",
}
ISSUES_EN: dict[str, str] = {
    "payment_error": "payment error",
    "billing": "billing error",
    "delivery": "delivery delay",
    "account_access": "sign-in problem",
    "technical_issue": "service error",
    "product_quality": "product defect",
    "refund_exchange": "refund or exchange problem",
    "service_complaint": "way we handled your request",
}


@dataclass(frozen=True)
class Context:
    """Everything the pure coach is given for one conversation and one agent."""

    customer_message: str
    situation: str | None
    previous_replies: list[str]
    extra_cliches: list[str]
    facts: DraftFacts


@dataclass(frozen=True)
class LaterFacts:
    """Facts other parts of the desk will supply (incidents, knowledge base, compensation).

    Empty today; the draft composer and the suggestions already use them when given.
    """

    incident_eta: str | None = None
    incident_workaround: str | None = None
    kb_workaround: str | None = None
    compensation_alternative: str | None = None


def situation_for(triage: dict[str, Any]) -> str | None:
    """The coaching situation a conversation's triage implies (None: let the coach infer)."""
    if triage.get("abusive"):
        return "abuse"
    if triage.get("customer_type") == "excessive_demand":
        return "excessive_demand"
    intent = triage.get("intent")
    if not isinstance(intent, str):
        return None
    try:
        parsed = parse_situation(intent)
    except ValueError:
        return None
    return parsed.value if parsed else None


def draft_facts(
    conversation: Conversation, customer_message: str, later: LaterFacts | None = None
) -> DraftFacts:
    """What the draft composer knows about this conversation."""
    later = later or LaterFacts()
    triage = conversation.triage or {}
    language = "en" if triage.get("language") == "en" else "ko"
    intent = triage.get("intent") if isinstance(triage.get("intent"), str) else None
    issues = ISSUES_EN if language == "en" else ISSUES_KO
    refused = None
    if triage.get("customer_type") == "excessive_demand":
        demand = DEMAND_CUES.search(customer_message)
        if demand:
            word = demand.group(0).strip()
            refused = f"the {word} you asked for" if language == "en" else f"{word} 요청"
    return DraftFacts(
        customer_name=conversation.customer.name,
        customer_message=customer_message,
        intent="excessive_demand" if refused else intent,
        emotion=triage.get("emotion"),
        issue=issues.get(intent or ""),
        impact=None,
        incident_eta=later.incident_eta,
        incident_workaround=later.incident_workaround,
        kb_workaround=later.kb_workaround,
        refused_request=refused,
        compensation_alternative=later.compensation_alternative,
        language=language,
    )


def context_for(
    session: Session,
    conversation: Conversation,
    agent: Principal,
    later: LaterFacts | None = None,
) -> Context:
    """Gather the coaching context of a conversation for the agent writing the reply."""
    message = repository.customer_words(session, conversation)
    return Context(
        customer_message=message,
        situation=situation_for(conversation.triage or {}),
        previous_replies=repository.replies_to_others(
            session, agent_id=agent.user_id, customer_id=conversation.customer_id
        ),
        extra_cliches=[p.phrase for p in repository.admin_phrases(session)],
        facts=draft_facts(conversation, message, later),
    )


def coach_with(context: Context, text: str) -> CoachResult:
    """Coach `text` in a gathered context."""
    return coach_reply(
        text,
        customer_message=context.customer_message or None,
        situation=context.situation,
        previous_replies=context.previous_replies,
        extra_cliches=context.extra_cliches,
    )


def coach(
    session: Session, conversation: Conversation, agent: Principal, text: str
) -> tuple[CoachResult, Context]:
    """Coach a reply being written in this conversation by this agent."""
    context = context_for(session, conversation, agent)
    return coach_with(context, text), context


def insertions(result: CoachResult, context: Context) -> dict[str, str]:
    """For each failing rule, a sentence for this customer that the agent can insert."""
    out: dict[str, str] = {}
    for rule in result.rules:
        if rule.status != FAIL:
            continue
        sentence = insertable_sentence(rule.id, context.facts)
        if sentence:
            out[rule.id] = sentence
    return out


def send_reply(
    session: Session,
    *,
    conversation: Conversation,
    author: Principal,
    text: str,
    confirmed_low: bool = False,
    threshold: int = 0,
) -> tuple[Message, CoachResult]:
    """Send a reply and store its coaching in the same transaction (with a timeline event).

    `confirmed_low` records that the agent was told the score was under `threshold` and sent
    it anyway; the coach never blocks a reply.
    """
    result, _ = coach(session, conversation, author, text)
    agent = session.get(User, author.user_id) if author.user_id is not None else None
    failed = [r.id for r in result.rules if r.status == FAIL]

    def store(message: Message) -> None:
        session.add(
            ReplyCoaching(
                message_id=message.id,
                conversation_id=conversation.id,
                agent_id=author.user_id,
                team_id=agent.team_id if agent else None,
                score=result.score,
                failed_rules=failed,
                cliche_count=len(result.cliches),
                situation=result.situation,
                confirmed_low=confirmed_low and result.score < threshold,
            )
        )
        conversations.record_event(
            session,
            conversation=conversation,
            kind=EventKind.reply_coached,
            actor=author,
            message_id=message.id,
            score=result.score,
            failed=failed,
            cliches=len(result.cliches),
        )

    message = conversations.reply(
        session, conversation=conversation, author=author, text=text, before_commit=store
    )
    return message, result


def llm_settings(settings: Settings) -> LLMSettings | None:
    """The configured draft model, or None (the built-in composer writes drafts)."""
    if not settings.llm_url or not settings.llm_model:
        return None
    return LLMSettings(
        url=settings.llm_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        timeout_seconds=settings.llm_timeout_seconds,
    )


def draft(
    session: Session,
    conversation: Conversation,
    agent: Principal,
    llm: LLMSettings | None,
    later: LaterFacts | None = None,
) -> tuple[Draft, CoachResult, Context]:
    """A specific draft for this conversation, coached in its full context.

    The model writes it when configured and its draft is good enough; otherwise the
    built-in composer does (`coach.llm.best_draft`).
    """
    context = context_for(session, conversation, agent, later)
    written = best_draft(context.facts, llm)
    return written, coach_with(context, written.text), context
