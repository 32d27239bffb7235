"""Turning rows into the API's shapes. Agents see masked text unless they reveal it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from gonggam.conversations import repository
from gonggam.conversations.models import Conversation, Event, Message, Priority
from gonggam.conversations.schemas import (
    ConversationOut,
    ConversationSummary,
    CustomerOut,
    EventOut,
    MessageOut,
    TimelineEntry,
)
from gonggam.customers.models import Customer, IdentityKind
from gonggam.triage import mask_pii


def shown_text(message: Message) -> str:
    """What an agent sees: PII masked, even if the pipeline has not masked it yet."""
    return message.masked_text if message.masked_text is not None else mask_pii(message.text)


def customer_out(customer: Customer) -> CustomerOut:
    return CustomerOut(
        id=customer.id,
        name=customer.name,
        email=customer.identity(IdentityKind.email),
        phone=customer.identity(IdentityKind.phone),
        identities=[{"kind": i.kind, "value": i.value} for i in customer.identities],
        merged_into_id=customer.merged_into_id,
    )


def message_out(message: Message) -> MessageOut:
    return MessageOut(
        id=message.id,
        conversation_id=message.conversation_id,
        direction=message.direction,
        channel=message.channel,
        text=shown_text(message),
        html=message.html,
        author=message.author.email if message.author else None,
        attachments=message.attachments,
        triage=message.triage,
        delivery_status=message.delivery_status,
        created_at=message.created_at,
    )


def event_out(event: Event) -> EventOut:
    return EventOut(
        id=event.id,
        conversation_id=event.conversation_id,
        kind=event.kind,
        actor=event.actor_label,
        data=event.data,
        created_at=event.created_at,
    )


def summary(conversation: Conversation, last: Message | None) -> ConversationSummary:
    triage = conversation.triage or {}
    return ConversationSummary(
        id=conversation.id,
        customer_id=conversation.customer_id,
        customer_name=conversation.customer.name,
        channel=conversation.channel,
        status=conversation.status,
        priority=Priority(conversation.priority).name,
        team=conversation.team.name if conversation.team else None,
        assignee=conversation.assignee.email if conversation.assignee else None,
        subject=conversation.subject,
        tags=conversation.tags,
        emotion=triage.get("emotion"),
        intent=triage.get("intent"),
        transfer_count=conversation.transfer_count,
        waiting_since=conversation.waiting_since,
        last_message_at=conversation.last_message_at,
        last_message=shown_text(last) if last else None,
        created_at=conversation.created_at,
    )


def detail(session: Session, conversation: Conversation) -> ConversationOut:
    messages = repository.messages_of(session, conversation.id)
    events = repository.events_of(session, conversation.id)
    last = next((m for m in reversed(messages) if m.direction != "note"), None)
    return ConversationOut(
        **summary(conversation, last).model_dump(),
        customer=customer_out(conversation.customer),
        triage=conversation.triage,
        messages=[message_out(m) for m in messages],
        events=[event_out(e) for e in events],
    )


def timeline(session: Session, customer_id: int) -> list[TimelineEntry]:
    """Every message and event of a customer across conversations and channels, oldest first."""
    entries = [
        TimelineEntry(
            type="message",
            conversation_id=m.conversation_id,
            created_at=m.created_at,
            message=message_out(m),
        )
        for m in repository.customer_messages(session, customer_id)
    ] + [
        TimelineEntry(
            type="event",
            conversation_id=e.conversation_id,
            created_at=e.created_at,
            event=event_out(e),
        )
        for e in repository.customer_events(session, customer_id)
    ]
    # Events recorded in the same instant as their message sort after it.
    entries.sort(key=lambda e: (e.created_at, 0 if e.type == "message" else 1))
    return entries
