"""Tables of the coaching domain: one result per sent reply, playbooks, admin phrases."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class ReplyCoaching(Base):
    """The coach's verdict on one sent reply, kept for the agent's and team's reports."""

    __tablename__ = "reply_coachings"

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # The agent's team when the reply was sent (a later move does not rewrite history).
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    score: Mapped[int] = mapped_column()
    failed_rules: Mapped[list[str]] = mapped_column(default=list)
    cliche_count: Mapped[int] = mapped_column(default=0)
    situation: Mapped[str] = mapped_column(String(40), default="")
    # True when the agent sent a reply under the confirmation threshold after being asked.
    confirmed_low: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)


class PlaybookSteps(Base):
    """An admin's version of one customer type's playbook in one language (else the default)."""

    __tablename__ = "playbook_steps"
    __table_args__ = (UniqueConstraint("customer_type", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_type: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(5))
    steps: Mapped[list[str]] = mapped_column(default=list)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, onupdate=utcnow)


class ClichePhrase(Base):
    """A boilerplate phrase an admin added to the built-in lexicon."""

    __tablename__ = "cliche_phrases"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(200), unique=True)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
