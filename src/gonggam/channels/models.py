"""Configured channels and the outbox of replies waiting to be delivered."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class Channel(Base):
    """One configured entry point, e.g. an SMS provider's webhook (`demo-sms`)."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Used in URLs (`/api/v1/channels/{name}/webhook`) and to namespace provider message ids.
    name: Mapped[str] = mapped_column(String(60), unique=True)
    # The message channel label it produces: sms, kakao, naver, email, chat, social, voice, …
    kind: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(100))
    # Shared secret for inbound HMAC signatures; kept as given because HMAC needs it.
    secret: Mapped[str | None] = mapped_column(String(200))
    outbound_url: Mapped[str | None] = mapped_column(String(500))
    # Outbound URLs to private or loopback addresses are refused unless an admin allows them.
    allow_private_outbound: Mapped[bool] = mapped_column(default=False)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class DeliveryStatus(enum.StrEnum):
    queued = "queued"
    sent = "sent"
    failed = "failed"


class Delivery(Base):
    """One outbound message on its way to the customer, retried until sent or given up."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    # The message's channel label; picks the sender.
    channel: Mapped[str] = mapped_column(String(40))
    channel_id: Mapped[int | None] = mapped_column(ForeignKey("channels.id"))
    status: Mapped[str] = mapped_column(String(20), default=DeliveryStatus.queued.value)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    # What the far end calls it (an SMTP Message-ID, a provider's message id).
    provider_id: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
