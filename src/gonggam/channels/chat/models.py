"""When a chat customer's widget was last connected, so a reply can follow them by e-mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class ChatVisit(Base):
    """One row per customer: the last moment any widget socket of theirs was alive."""

    __tablename__ = "chat_visits"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    # Refreshed by open sockets every `visits.TOUCH_EVERY` and once more when a socket closes.
    last_seen_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    # The host page the widget ran on, kept only for signed visitors (see visits.page_for).
    page_url: Mapped[str | None] = mapped_column(String(500))
