"""Correcting a conversation's triage: stored per field, shown on the timeline, applied."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, Direction, EventKind, Message
from gonggam.conversations.service import record_event
from gonggam.corrections.models import TriageCorrection
from gonggam.intents.catalog import desk_intents
from gonggam.kit.clock import utcnow

EMOTIONS = ("neutral", "anxious", "frustrated", "angry", "satisfied")
CUSTOMER_TYPES = ("excessive_demand", "emotional", "service_complaint", "standard")
CORRECTABLE = ("intent", "customer_type", "emotion")


def choices(session: Session) -> dict[str, tuple[str, ...]]:
    """The labels an agent may pick, per correctable field (the organisation's intents too)."""
    intents = desk_intents(session).names
    return {"intent": intents, "customer_type": CUSTOMER_TYPES, "emotion": EMOTIONS}


def _latest_customer_message(session: Session, conversation: Conversation) -> Message:
    found = session.scalar(
        select(Message)
        .where(
            Message.conversation_id == conversation.id,
            Message.direction == Direction.inbound.value,
        )
        .order_by(Message.id.desc())
        .limit(1)
    )
    if found is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "no customer message to correct")
    return found


def correct(
    session: Session,
    *,
    conversation: Conversation,
    actor: Principal,
    changes: Mapping[str, str],
) -> list[TriageCorrection]:
    """Store the agent's labels for the latest customer message and apply them.

    Unchanged fields are not stored: a correction says the rules were wrong.
    """
    allowed = choices(session)
    for name, value in changes.items():
        if name not in allowed or value not in allowed[name]:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, f"unknown {name} label {value!r}"
            )
    message = _latest_customer_message(session, conversation)
    triage = dict(conversation.triage or {})
    now = utcnow()
    stored: list[TriageCorrection] = []
    for name, value in changes.items():
        if triage.get(name) == value:
            continue
        stored.append(
            TriageCorrection(
                conversation_id=conversation.id,
                message_id=message.id,
                field=name,
                old=triage.get(name),
                new=value,
                actor_id=actor.user_id,
                actor_label=actor.label,
                created_at=now,
            )
        )
        triage[name] = value
    if not stored:
        return []
    session.add_all(stored)
    conversation.triage = triage
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.triage_corrected,
        actor=actor,
        at=now,
        message_id=message.id,
        changes={c.field: [c.old, c.new] for c in stored},
    )
    session.commit()
    return stored
