"""Pydantic shapes of the conversation API (SPEC section 4)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

CHANNEL_PATTERN = r"^[a-z][a-z0-9_-]{0,39}$"
MAX_TEXT = 100_000


class Strict(BaseModel):
    """Inputs refuse unknown fields: a typo in a field name is an error, not a silent drop."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CustomerIn(Strict):
    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=40)
    external_id: str | None = Field(default=None, max_length=200)


class MessageIn(Strict):
    channel: str = Field(pattern=CHANNEL_PATTERN, examples=["chat", "email", "sms", "kakao"])
    customer: CustomerIn
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    idempotency_key: str | None = Field(default=None, min_length=1, max_length=200)


class MessageAccepted(BaseModel):
    conversation_id: int
    message_id: int
    customer_id: int


class TextIn(Strict):
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class StatusIn(Strict):
    status: str

    @field_validator("status")
    @classmethod
    def known_status(cls, value: str) -> str:
        from gonggam.conversations.models import Status

        if value not in Status.__members__:
            raise ValueError(f"status must be one of {', '.join(Status.__members__)}")
        return value


class AssignIn(Strict):
    agent: str | None = Field(description="the agent's e-mail or user id; null unassigns")


class TransferIn(Strict):
    team: str | None = Field(default=None, description="team name")
    agent: str | None = Field(default=None, description="agent e-mail or user id")
    reason: str = Field(min_length=1, max_length=500)
    note: str | None = Field(default=None, max_length=MAX_TEXT)


class RevealIn(Strict):
    reason: str | None = Field(default=None, max_length=300)


class RevealOut(BaseModel):
    message_id: int
    text: str = Field(description="the original text, unmasked; this access is audited")


class CustomerOut(BaseModel):
    id: int
    name: str | None
    email: str | None
    phone: str | None
    identities: list[dict[str, str]]
    # Set while this customer's history lives on another customer (see customers/merge.py).
    merged_into_id: int | None = None


class MessageOut(BaseModel):
    id: int
    conversation_id: int
    direction: str
    channel: str
    text: str = Field(description="PII-masked text")
    html: str | None
    author: str | None
    attachments: list[dict[str, Any]]
    triage: dict[str, Any] | None
    delivery_status: str | None
    created_at: datetime


class EventOut(BaseModel):
    id: int
    conversation_id: int
    kind: str
    actor: str | None
    data: dict[str, Any]
    created_at: datetime


class ConversationSummary(BaseModel):
    id: int
    customer_id: int
    customer_name: str | None
    channel: str
    status: str
    priority: str
    team: str | None
    assignee: str | None
    subject: str | None
    tags: list[str]
    emotion: str | None
    intent: str | None
    transfer_count: int
    waiting_since: datetime | None
    last_message_at: datetime
    last_message: str | None
    created_at: datetime


class ConversationOut(ConversationSummary):
    customer: CustomerOut
    triage: dict[str, Any] | None
    messages: list[MessageOut]
    events: list[EventOut]


class ConversationPage(BaseModel):
    items: list[ConversationSummary]
    total: int
    limit: int
    offset: int


class TimelineEntry(BaseModel):
    type: str = Field(description="'message' or 'event'")
    conversation_id: int
    created_at: datetime
    message: MessageOut | None = None
    event: EventOut | None = None


class Timeline(BaseModel):
    customer: CustomerOut
    entries: list[TimelineEntry]
