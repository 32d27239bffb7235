"""Teams, agents' routing profiles, the assignment log, wait announcements, callbacks, SLAs."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    # Triage intents this team owns; routing sends matching conversations here.
    intents: Mapped[list[str]] = mapped_column(default=list)
    # Languages and channels the team serves; empty means any.
    languages: Mapped[list[str]] = mapped_column(default=list)
    channels: Mapped[list[str]] = mapped_column(default=list)
    # The team that receives what no other team owns.
    is_default: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class Presence(enum.StrEnum):
    online = "online"
    away = "away"
    offline = "offline"


class AgentProfile(Base):
    """How routing sees one person: skills, how much they can carry, whether they are in."""

    __tablename__ = "agent_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    # Intents, languages ("en") and channels ("voice") this agent is good at.
    skills: Mapped[list[str]] = mapped_column(default=list)
    # Concurrent live conversations (chat, messenger, calls) and open e-mails.
    chat_capacity: Mapped[int] = mapped_column(default=3)
    email_capacity: Mapped[int] = mapped_column(default=10)
    presence: Mapped[str] = mapped_column(String(10), default=Presence.offline.value)
    presence_changed_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    # Round-robin among equals: the one who waited longest for work goes first.
    last_assigned_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class Assignment(Base):
    """One stretch of a conversation in one agent's hands: queue wait and handle time."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_open", "ended_at", "team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    channel: Mapped[str] = mapped_column(String(40))
    automatic: Mapped[bool] = mapped_column(default=False)
    waited_seconds: Mapped[int | None] = mapped_column()
    assigned_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(20))


class WaitAnnouncement(Base):
    """What a customer was told about their wait, and (later) how long they really waited."""

    __tablename__ = "wait_announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    channel: Mapped[str] = mapped_column(String(40))
    position: Mapped[int | None] = mapped_column()
    estimated_wait_seconds: Mapped[int | None] = mapped_column()
    announced_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)
    # Filled when an agent takes the conversation ("served") or it ends unserved ("abandoned").
    outcome: Mapped[str | None] = mapped_column(String(20))
    actual_wait_seconds: Mapped[int | None] = mapped_column()


class CallbackRequest(Base):
    """A customer asked to be called back instead of holding."""

    __tablename__ = "callback_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    phone: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="open")
    requested_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class SlaPolicy(Base):
    """First-response and resolution targets for a priority and channel (None = any)."""

    __tablename__ = "sla_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    priority: Mapped[int | None] = mapped_column()
    channel: Mapped[str | None] = mapped_column(String(40))
    first_response_minutes: Mapped[int] = mapped_column()
    resolution_minutes: Mapped[int] = mapped_column()
    # Targets count business minutes (09–18 KST on working days) unless this is False.
    business_hours: Mapped[bool] = mapped_column(default=True)


class SlaClock(Base):
    """A conversation's running SLA targets. Due times move when the clock is paused."""

    __tablename__ = "sla_clocks"

    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("sla_policies.id"))
    started_at: Mapped[datetime] = mapped_column(AwareDateTime)
    first_response_due: Mapped[datetime] = mapped_column(AwareDateTime, index=True)
    resolution_due: Mapped[datetime] = mapped_column(AwareDateTime, index=True)
    # Set while the conversation is pending (waiting on the customer).
    paused_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    # Business (or wall) seconds spent paused so far; the due times already include them.
    paused_seconds: Mapped[int] = mapped_column(default=0)
    # "", "warned" or "breached", per target, so each alert is raised once.
    first_response_alert: Mapped[str] = mapped_column(String(10), default="")
    resolution_alert: Mapped[str] = mapped_column(String(10), default="")


class SupervisorAlert(Base):
    """Something a supervisor must see: an SLA breach, a conversation transferred again."""

    __tablename__ = "supervisor_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
