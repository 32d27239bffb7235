"""An organisation's own triage intents, beside the ten built-in ones (SPEC 3.3)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class CustomIntent(Base):
    """One intent an admin added: its slug, labels, cue phrases and the team that owns it."""

    __tablename__ = "custom_intents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    label_ko: Mapped[str] = mapped_column(String(60))
    label_en: Mapped[str] = mapped_column(String(60))
    cues_ko: Mapped[list[str]] = mapped_column(default=list)
    cues_en: Mapped[list[str]] = mapped_column(default=list)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
