"""The assignment log and what it feeds: handle times, actual waits, announcement accuracy.

`after_change` is called by every conversation verb that can move work (status, assign,
transfer) and by routing on arrival, inside their transaction: it keeps the log true, moves the
SLA clock, and hands freed capacity to the queue at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from gonggam.conversations.models import Conversation, Status
from gonggam.kit.clock import ensure_aware, utcnow
from gonggam.routing.models import Assignment, WaitAnnouncement

ENDED = (Status.resolved.value, Status.closed.value)


def note_assignment(
    session: Session, *, conversation: Conversation, automatic: bool, now: datetime | None = None
) -> None:
    """Open a log row for the conversation's new assignee and settle its announcements."""
    now = now or utcnow()
    end_open(session, conversation_id=conversation.id, reason="reassigned", now=now)
    if conversation.assignee_id is None:
        return
    waited = (
        int((now - ensure_aware(conversation.waiting_since)).total_seconds())
        if conversation.waiting_since
        else None
    )
    session.add(
        Assignment(
            conversation_id=conversation.id,
            user_id=conversation.assignee_id,
            team_id=conversation.team_id,
            channel=conversation.channel,
            automatic=automatic,
            waited_seconds=waited,
            assigned_at=now,
        )
    )
    settle_announcements(session, conversation_id=conversation.id, outcome="served", now=now)


def end_open(session: Session, *, conversation_id: int, reason: str, now: datetime) -> None:
    """Close the conversation's open log row (its handle time ends here)."""
    session.execute(
        update(Assignment)
        .where(Assignment.conversation_id == conversation_id, Assignment.ended_at.is_(None))
        .values(ended_at=now, end_reason=reason)
        .execution_options(synchronize_session=False)
    )


def settle_announcements(
    session: Session, *, conversation_id: int, outcome: str, now: datetime
) -> None:
    """Write the actual wait onto every unsettled announcement of this conversation."""
    for announcement in session.scalars(
        select(WaitAnnouncement).where(
            WaitAnnouncement.conversation_id == conversation_id,
            WaitAnnouncement.outcome.is_(None),
        )
    ):
        announcement.outcome = outcome
        announcement.actual_wait_seconds = max(
            0, int((now - ensure_aware(announcement.announced_at)).total_seconds())
        )


def after_change(
    session: Session,
    *,
    conversation: Conversation,
    previous_assignee_id: int | None,
    manual: bool = True,
) -> None:
    """Keep the log, the SLA clock and the queue in step with a conversation change."""
    from gonggam.routing import sla
    from gonggam.routing.assign import dispatch

    now = utcnow()
    session.flush()
    if conversation.status in ENDED:
        end_open(session, conversation_id=conversation.id, reason=conversation.status, now=now)
        if conversation.assignee_id is None:
            settle_announcements(
                session, conversation_id=conversation.id, outcome="abandoned", now=now
            )
    elif conversation.assignee_id != previous_assignee_id:
        note_assignment(session, conversation=conversation, automatic=not manual, now=now)
    sla.follow(session, conversation=conversation, now=now)
    dispatch(session, now=now)
