"""Priority flags (urgent, churn risk, abuse, public complaint) and churn risk from history.

Churn risk (SPEC 3.3): one earlier bad experience makes switching likely, two make it most
likely. A flagged conversation is raised to at least "high" so it ranks higher in the inbox;
priority is only ever raised automatically.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, Event, EventKind, Priority
from gonggam.conversations.service import record_event
from gonggam.triage import churn_risk

BAD_EMOTIONS = frozenset({"frustrated", "angry"})
PUBLIC_TAG = "public"
PUBLIC_CHANNELS = frozenset({"social"})
FLAG_ORDER = ("urgent", "abuse", "alert", "churn", "public")


def was_bad_experience(conversation: Conversation) -> bool:
    """A past conversation the customer left unhappy: anger, a complaint, a transfer chain."""
    triage = conversation.triage or {}
    return (
        triage.get("emotion") in BAD_EMOTIONS
        or triage.get("intent") == "service_complaint"
        or triage.get("customer_type") == "service_complaint"
        or conversation.transfer_count >= 2
    )


def negative_experiences(session: Session, *, conversation: Conversation) -> int:
    """How many of the customer's earlier conversations were bad experiences."""
    earlier = session.scalars(
        select(Conversation).where(
            Conversation.customer_id == conversation.customer_id,
            Conversation.id < conversation.id,
        )
    )
    return sum(1 for past in earlier if was_bad_experience(past))


def is_public(conversation: Conversation) -> bool:
    return PUBLIC_TAG in (conversation.tags or []) or conversation.channel in PUBLIC_CHANNELS


def flags_of(conversation: Conversation, *, alert_open: bool = False) -> list[str]:
    """The conversation's flags, most pressing first."""
    triage = conversation.triage or {}
    found = {
        "urgent": triage.get("urgency") == "urgent" or conversation.priority >= Priority.urgent,
        "abuse": bool(triage.get("abusive")),
        "alert": alert_open,
        "churn": triage.get("churn_risk") in ("elevated", "high"),
        "public": is_public(conversation),
    }
    return [name for name in FLAG_ORDER if found[name]]


def raise_for_flags(
    session: Session, *, conversation: Conversation, actor: Principal | None, at: datetime | None
) -> None:
    """Lift a flagged conversation to at least "high" (never lowers)."""
    flags = [f for f in flags_of(conversation) if f != "urgent"]
    if not flags or conversation.priority >= Priority.high:
        return
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.priority_changed,
        actor=actor,
        at=at,
        old=Priority(conversation.priority).name,
        new=Priority.high.name,
        reason=f"flag {flags[0]}",
    )
    conversation.priority = int(Priority.high)


def after_triage(session: Session, *, conversation: Conversation, at: datetime) -> None:
    """Churn risk from the customer's history into the conversation's triage, then priority."""
    count = negative_experiences(session, conversation=conversation)
    risk = churn_risk(count)
    last = session.scalar(
        select(Event.data)
        .where(Event.conversation_id == conversation.id, Event.kind == EventKind.churn_risk.value)
        .order_by(Event.id.desc())
        .limit(1)
    )
    if risk != (last or {}).get("risk", "low"):
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.churn_risk,
            actor=None,
            at=at,
            risk=risk,
            bad_experiences=count,
        )
    # A new dict, so the JSON column sees the change (merging a new message drops the keys).
    conversation.triage = {
        **(conversation.triage or {}),
        "churn_risk": risk,
        "bad_experiences": count,
    }
    raise_for_flags(session, conversation=conversation, actor=None, at=at)


def mark_public(session: Session, *, conversation: Conversation, actor: Principal) -> None:
    """Mark the conversation as a public complaint (e.g. also posted on a review site)."""
    if PUBLIC_TAG in (conversation.tags or []):
        return
    conversation.tags = [*(conversation.tags or []), PUBLIC_TAG]
    record_event(session, conversation=conversation, kind=EventKind.marked_public, actor=actor)
    raise_for_flags(session, conversation=conversation, actor=actor, at=None)
    session.commit()
