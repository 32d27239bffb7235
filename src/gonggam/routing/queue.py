"""The queue: which waiting conversations come first.

A conversation's level is its priority plus one for each flag that must not wait (churn risk,
abusive customer, a public social post, a VIP). Waiting adds to the level over time (aging),
so a normal conversation that has waited long enough passes a newer urgent one: nothing starves.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Conversation, Status
from gonggam.kit.clock import ensure_aware, utcnow

# Ten minutes of waiting is worth one priority level.
AGING_SECONDS_PER_LEVEL = 600.0
PUBLIC_CHANNELS = frozenset({"social"})
EMAIL_CHANNELS = frozenset({"email"})


def flags(conversation: Conversation) -> list[str]:
    """The reasons this conversation jumps ahead of its priority."""
    triage = conversation.triage or {}
    found = []
    if str(triage.get("churn_risk", "")) in ("elevated", "high"):
        found.append("churn_risk")
    if triage.get("abusive"):
        found.append("abuse")
    if conversation.channel in PUBLIC_CHANNELS:
        found.append("public_post")
    if "vip" in (conversation.tags or []):
        found.append("vip")
    return found


def level(conversation: Conversation) -> int:
    """Priority (0 low … 3 urgent) plus one per flag."""
    return int(conversation.priority) + len(flags(conversation))


def score(conversation: Conversation, now: datetime) -> float:
    """Higher is served first: the level plus the aging credit of the time waited."""
    since = conversation.waiting_since or now
    waited = max(0.0, (now - ensure_aware(since)).total_seconds())
    return level(conversation) + waited / AGING_SECONDS_PER_LEVEL


def order(conversations: list[Conversation], now: datetime | None = None) -> list[Conversation]:
    """Queue order: highest score first, then who arrived first, then the older conversation."""
    now = now or utcnow()
    return sorted(
        conversations,
        key=lambda c: (-score(c, now), ensure_aware(c.waiting_since or now), c.id),
    )


def queued(session: Session, *, now: datetime | None = None) -> list[Conversation]:
    """Every open, unassigned conversation with a customer waiting, in queue order."""
    rows = session.scalars(
        select(Conversation).where(
            Conversation.status == Status.open.value,
            Conversation.assignee_id.is_(None),
            Conversation.waiting_since.is_not(None),
        )
    )
    return order(list(rows), now)


def same_queue(a: Conversation, b: Conversation) -> bool:
    """Both wait for the same team."""
    return a.team_id == b.team_id


def is_email(channel: str) -> bool:
    """E-mails count against an agent's e-mail capacity; everything else is live work."""
    return channel in EMAIL_CHANNELS
