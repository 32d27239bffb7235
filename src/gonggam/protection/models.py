"""Protecting agents (SPEC 2.5): the policy, each abusive message, preferences, restrictions."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime

DEFAULT_WARNINGS = [
    "고객님, 상담사도 누군가의 소중한 가족입니다. 욕설이나 폭언이 계속되면 상담이 "
    "어려울 수 있으니 말씀을 삼가 주시기 바랍니다. (1차 안내)",
    "고객님, 다시 한번 안내드립니다. 폭언·욕설이 계속되면 관련 법령에 따라 상담이 "
    "종료될 수 있습니다. (2차 안내)",
    "고객님, 마지막으로 안내드립니다. 한 번 더 폭언·욕설을 하시면 상담을 종료하겠습니다. "
    "(3차 안내)",
]
DEFAULT_FINAL_NOTICE = (
    "고객님의 반복된 폭언·욕설로 산업안전보건법 제41조에 따라 상담을 종료합니다. "
    "대화 내용은 기록으로 보관됩니다."
)


class Restriction(enum.StrEnum):
    """How a customer may reach the desk after a supervisor's decision."""

    none = "none"
    senior = "senior"  # new conversations go to the policy's senior team


class AbuseAction(enum.StrEnum):
    warned = "warned"
    ended = "ended"
    none = "none"  # the conversation was already closed


class AlertKind(enum.StrEnum):
    repeated = "repeated"
    threat = "threat"


class ProtectionPolicy(Base):
    """The desk's one protection policy (row id 1), editable by admins."""

    __tablename__ = "protection_policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    max_warnings: Mapped[int] = mapped_column(default=3)
    end_on_threat: Mapped[bool] = mapped_column(default=False)
    # The n-th warning sent to the customer; the last one repeats if there are fewer texts.
    warnings: Mapped[list[str]] = mapped_column(default=lambda: list(DEFAULT_WARNINGS))
    final_notice: Mapped[str] = mapped_column(Text, default=DEFAULT_FINAL_NOTICE)
    # The abusive message (counted in one conversation) that alerts supervisors.
    alert_at: Mapped[int] = mapped_column(default=2)
    senior_team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class AbuseIncident(Base):
    """One abusive customer message and what the desk did about it (evidence, counts, alerts)."""

    __tablename__ = "abuse_incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    # The agent the conversation was assigned to when the message arrived.
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    kinds: Mapped[list[str]] = mapped_column(default=list)
    action: Mapped[str] = mapped_column(String(20))
    warning_number: Mapped[int | None] = mapped_column()
    notice_message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    alert: Mapped[str | None] = mapped_column(String(20))
    alert_seen_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    alert_seen_by: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)


class AgentProtection(Base):
    """An agent's own choice: see abusive words, or see them masked (the default)."""

    __tablename__ = "agent_protection"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    show_abuse: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class CustomerRestriction(Base):
    """A supervisor's limit on a customer's future contact."""

    __tablename__ = "customer_restrictions"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    level: Mapped[str] = mapped_column(String(20), default=Restriction.none.value)
    reason: Mapped[str | None] = mapped_column(String(400))
    set_by: Mapped[str] = mapped_column(String(254))
    set_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
