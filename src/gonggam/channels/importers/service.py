"""Writing imported tickets: customer messages through the pipeline, agent entries as replies
and notes with their original times, each recognised on re-import by its provider id."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts import service as accounts
from gonggam.accounts.models import Role
from gonggam.accounts.principal import Principal
from gonggam.channels.importers.records import Entry, EntryKind, Ticket
from gonggam.channels.models import DeliveryStatus
from gonggam.conversations.models import Conversation, Direction, EventKind, Message, Status
from gonggam.conversations.pipeline import InboundMessage, ingest
from gonggam.conversations.service import record_event
from gonggam.triage import mask_pii


class Outcome(enum.StrEnum):
    imported = "imported"
    skipped = "skipped"  # everything in it was imported before


@dataclass(frozen=True)
class TicketResult:
    outcome: Outcome
    conversation_id: int
    new_messages: int


def import_ticket(factory: sessionmaker[Session], ticket: Ticket) -> TicketResult:
    """Write one ticket; entries already imported (same provider id) are left alone."""
    conversation_id: int | None = None
    new = 0
    for entry in ticket.entries:
        if entry.kind is EntryKind.customer:
            result = ingest(
                factory,
                InboundMessage(
                    channel=ticket.provider,
                    text=entry.text,
                    customer=entry.author,
                    provider_message_id=ticket.provider_id(entry),
                    subject=ticket.subject,
                    received_at=entry.at,
                ),
            )
            conversation_id = result.conversation_id
            new += 0 if result.duplicate else 1
        elif conversation_id is not None:
            new += _agent_entry(factory, ticket, entry, conversation_id)
    if conversation_id is None:
        raise ValueError("the ticket has no message from the customer")
    if new:
        _settle(factory, ticket, conversation_id)
    return TicketResult(Outcome.imported if new else Outcome.skipped, conversation_id, new)


def _importer(session: Session, ticket: Ticket, entry: Entry) -> Principal:
    """The agent who wrote the entry: a desk user with the same e-mail, else their name."""
    email = entry.author.email or f"{ticket.provider}-agent"
    user = accounts.get_by_email(session, email=email) if entry.author.email else None
    return Principal(
        user_id=user.id if user else None,
        email=email,
        name=entry.author.name or email,
        role=Role.agent,
        via="import",
    )


def _agent_entry(
    factory: sessionmaker[Session], ticket: Ticket, entry: Entry, conversation_id: int
) -> int:
    provider_id = ticket.provider_id(entry)
    with factory() as session:
        exists = session.scalar(
            select(Message.id).where(
                Message.channel == ticket.provider, Message.provider_message_id == provider_id
            )
        )
        if exists is not None:
            return 0
        conversation = session.get_one(Conversation, conversation_id)
        author = _importer(session, ticket, entry)
        is_reply = entry.kind is EntryKind.reply
        message = Message(
            conversation_id=conversation.id,
            customer_id=conversation.customer_id,
            direction=(Direction.outbound if is_reply else Direction.note).value,
            channel=ticket.provider,
            author_id=author.user_id,
            text=entry.text,
            masked_text=mask_pii(entry.text),
            provider_message_id=provider_id,
            # Delivered by the old desk; never queued for sending again.
            delivery_status=DeliveryStatus.sent.value if is_reply else None,
            created_at=entry.at,
        )
        session.add(message)
        session.flush()
        if is_reply:
            if conversation.first_response_at is None:
                conversation.first_response_at = entry.at
            if conversation.waiting_since is not None and conversation.waiting_since <= entry.at:
                conversation.waiting_since = None
        if entry.at > conversation.last_message_at:
            conversation.last_message_at = entry.at
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.reply_sent if is_reply else EventKind.note_added,
            actor=author,
            at=entry.at,
            message_id=message.id,
            imported_from=ticket.provider,
        )
        session.commit()
        return 1


def _settle(factory: sessionmaker[Session], ticket: Ticket, conversation_id: int) -> None:
    """The ticket's status and tags, dated like the original."""
    with factory() as session:
        conversation = session.get_one(Conversation, conversation_id)
        tags = list(conversation.tags or [])
        conversation.tags = tags + [t for t in ticket.tags if t not in tags]
        if ticket.status.value != conversation.status:
            at = ticket.updated_at or ticket.entries[-1].at
            record_event(
                session,
                conversation=conversation,
                kind=EventKind.status_changed,
                actor=None,
                at=at,
                old=conversation.status,
                new=ticket.status.value,
                reason=f"imported from {ticket.provider}",
            )
            conversation.status = ticket.status.value
            if ticket.status in (Status.resolved, Status.closed):
                conversation.resolved_at = at
                conversation.waiting_since = None
        session.commit()
