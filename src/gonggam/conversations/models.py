"""Conversations (tickets), their messages and the append-only event timeline."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime

if TYPE_CHECKING:
    from gonggam.accounts.models import User
    from gonggam.customers.models import Customer
    from gonggam.routing.models import Team


class Status(enum.StrEnum):
    open = "open"
    pending = "pending"
    resolved = "resolved"
    closed = "closed"


class Priority(enum.IntEnum):
    """Stored as a number so the inbox can sort on it."""

    low = 0
    normal = 1
    high = 2
    urgent = 3


class Direction(enum.StrEnum):
    inbound = "in"
    outbound = "out"
    note = "note"


class EventKind(enum.StrEnum):
    created = "created"
    triaged = "triaged"
    routed = "routed"
    assigned = "assigned"
    transferred = "transferred"
    status_changed = "status_changed"
    reopened = "reopened"
    note_added = "note_added"
    reply_sent = "reply_sent"
    priority_changed = "priority_changed"
    delivery_failed = "delivery_failed"
    callback_requested = "callback_requested"
    callback_done = "callback_done"
    wait_announced = "wait_announced"
    sla_warning = "sla_warning"
    sla_breached = "sla_breached"
    transfer_alert = "transfer_alert"
    reply_coached = "reply_coached"
    abuse_warning = "abuse_warning"
    abuse_ended = "abuse_ended"
    abuse_alert = "abuse_alert"
    triage_corrected = "triage_corrected"
    churn_risk = "churn_risk"
    marked_public = "marked_public"
    tagged = "tagged"
    customer_merged = "customer_merged"
    merge_undone = "merge_undone"
    # channels: a public social post, a caller's callback request, a walk-in entry, …
    public_post = "public_post"
    recorded_for_customer = "recorded_for_customer"
    review_update_requested = "review_update_requested"
    reply_split = "reply_split"
    chat_reply_emailed = "chat_reply_emailed"


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        # The inbox: open work ordered by priority, then by how long the customer has waited.
        Index("ix_conversations_inbox", "status", "priority", "waiting_since"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default=Status.open.value)
    priority: Mapped[int] = mapped_column(default=int(Priority.normal))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    subject: Mapped[str | None] = mapped_column(String(300))
    tags: Mapped[list[str]] = mapped_column(default=list)
    # Latest triage of the conversation as a whole (the `gonggam analyze` fields), or None.
    triage: Mapped[dict[str, Any] | None] = mapped_column()
    transfer_count: Mapped[int] = mapped_column(default=0)
    # Set when a customer message is waiting for an answer; cleared by the reply.
    waiting_since: Mapped[datetime | None] = mapped_column(AwareDateTime)
    last_message_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    first_response_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, onupdate=utcnow)

    customer: Mapped[Customer] = relationship(lazy="joined")
    team: Mapped[Team | None] = relationship(lazy="joined")
    assignee: Mapped[User | None] = relationship(lazy="joined")


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        # A re-delivered message (same key on the same channel) is recognised, not stored again.
        UniqueConstraint("channel", "idempotency_key"),
        UniqueConstraint("channel", "provider_message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(40))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The text as received; agents see `masked_text` (PII masked) by default.
    text: Mapped[str] = mapped_column(Text)
    masked_text: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)  # sanitized before it is stored
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    provider_message_id: Mapped[str | None] = mapped_column(String(200))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    triage: Mapped[dict[str, Any] | None] = mapped_column()
    # Outbound only: "sent", or "queued" until a channel adapter delivers it.
    delivery_status: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)

    author: Mapped[User | None] = relationship(lazy="joined")


class Event(Base):
    """One entry of a conversation's timeline. Rows are never updated or deleted."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str | None] = mapped_column(String(254))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)


class AppendOnlyError(RuntimeError):
    """Raised when code tries to rewrite the timeline."""


@event.listens_for(Event, "before_update")
def _refuse_event_update(*_: object) -> None:
    raise AppendOnlyError("timeline events are append-only")


@event.listens_for(Event, "before_delete")
def _refuse_event_delete(*_: object) -> None:
    raise AppendOnlyError("timeline events are append-only")
