"""Agents' corrections of triage labels, and the models learned from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class TriageCorrection(Base):
    """One label an agent fixed: which message, which field, from what to what, by whom."""

    __tablename__ = "triage_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    old: Mapped[str | None] = mapped_column(String(60))
    new: Mapped[str] = mapped_column(String(60))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)


class TriageModel(Base):
    """A model trained from the corrections, with how it did against the rules.

    The newest adopted row is what every app process blends into triage.
    """

    __tablename__ = "triage_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    corrections: Mapped[int] = mapped_column()
    last_correction_id: Mapped[int] = mapped_column(default=0)
    heldout: Mapped[int] = mapped_column()
    rules_right: Mapped[int] = mapped_column()
    learned_right: Mapped[int] = mapped_column()
    adopted: Mapped[bool] = mapped_column(default=False, index=True)
    document: Mapped[dict[str, Any]] = mapped_column(default=dict)
    trained_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
