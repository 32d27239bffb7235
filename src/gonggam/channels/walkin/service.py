"""Recording a walk-in or phone customer's message; the entry names the agent who wrote it."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, status
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, EventKind, Message
from gonggam.conversations.pipeline import InboundMessage, IngestResult, ingest
from gonggam.conversations.service import record_event
from gonggam.customers.identity import InvalidIdentity
from gonggam.customers.service import CustomerRef

CHANNELS = ("walkin", "phone")


@dataclass(frozen=True)
class WalkinEntry:
    channel: str
    text: str
    name: str | None = None
    phone: str | None = None
    email: str | None = None


def record_walkin(
    factory: sessionmaker[Session], *, entry: WalkinEntry, agent: Principal
) -> IngestResult:
    """Store the customer's words through the pipeline, then name the agent on the entry."""
    if entry.channel not in CHANNELS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"channel must be one of {', '.join(CHANNELS)}"
        )
    if not (entry.phone or entry.email):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            "a phone number or an e-mail is needed to find the customer again",
        )
    try:
        result = ingest(
            factory,
            InboundMessage(
                channel=entry.channel,
                text=entry.text,
                customer=CustomerRef(name=entry.name, phone=entry.phone, email=entry.email),
            ),
        )
    except InvalidIdentity as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    with factory() as session:
        message = session.get_one(Message, result.message_id)
        # The customer's message, written down by this agent: shown as theirs in the timeline.
        message.author_id = agent.user_id
        conversation = session.get_one(Conversation, result.conversation_id)
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.recorded_for_customer,
            actor=agent,
            message_id=message.id,
            channel=entry.channel,
        )
        session.commit()
    return result
