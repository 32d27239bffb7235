"""Transfers as a first-class metric: the repeat alert and the report of counts and reasons.

The target is zero transfers. A second transfer of the same conversation means the customer is
being passed around: the supervisor is told at once (a timeline event and a visible alert).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, Event, EventKind
from gonggam.routing.models import SupervisorAlert

# Stable reason codes; anything else is the agent's own words ("other").
REASON_CODES = ("not_our_team", "expert", "language", "escalation")


def alert_repeated_transfer(
    session: Session, *, conversation: Conversation, reason: str, actor: Principal
) -> None:
    """From the second transfer on, alert the supervisor (the caller's verb commits)."""
    from gonggam.conversations.service import record_event

    if conversation.transfer_count < 2:
        return
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.transfer_alert,
        actor=None,
        transfer_count=conversation.transfer_count,
        reason=reason,
        by=actor.label,
    )
    session.add(
        SupervisorAlert(
            conversation_id=conversation.id,
            kind="repeated_transfer",
            detail=f"transfer #{conversation.transfer_count}: {reason}"[:400],
        )
    )


def reason_code(reason: str) -> str:
    """The stable code a stored reason starts with, or "other"."""
    head = reason.split(":", 1)[0].strip()
    return head if head in REASON_CODES else "other"


@dataclass(frozen=True)
class TransferReport:
    conversations: int
    transferred_conversations: int
    transfers: int
    repeated: int
    by_reason: dict[str, int]
    by_team: dict[str, int]

    @property
    def transfer_rate(self) -> float:
        """Share of conversations transferred at least once."""
        return self.transferred_conversations / self.conversations if self.conversations else 0.0


def transfer_report(
    session: Session, *, since: datetime | None = None, until: datetime | None = None
) -> TransferReport:
    """Transfers between `since` and `until` (conversations created in that span)."""
    window = []
    if since is not None:
        window.append(Conversation.created_at >= since)
    if until is not None:
        window.append(Conversation.created_at < until)
    conversations = session.scalar(select(func.count(Conversation.id)).where(*window)) or 0
    transferred = (
        session.scalar(
            select(func.count(Conversation.id)).where(*window, Conversation.transfer_count > 0)
        )
        or 0
    )
    repeated = (
        session.scalar(
            select(func.count(Conversation.id)).where(*window, Conversation.transfer_count > 1)
        )
        or 0
    )
    events = session.scalars(
        select(Event)
        .join(Conversation, Conversation.id == Event.conversation_id)
        .where(*window, Event.kind == EventKind.transferred.value)
    )
    reasons: Counter[str] = Counter()
    teams: Counter[str] = Counter()
    total = 0
    for event in events:
        total += 1
        reasons[reason_code(str(event.data.get("reason", "")))] += 1
        teams[str(event.data.get("from_team") or "-")] += 1
    return TransferReport(
        conversations=conversations,
        transferred_conversations=transferred,
        transfers=total,
        repeated=repeated,
        by_reason=dict(reasons.most_common()),
        by_team=dict(teams.most_common()),
    )
