"""Where a live view has read up to in the log, and what is new after that point.

The cursor is the highest message id and event id seen ("m.e"). Ids only grow, so "anything
with a larger id" is exactly what was committed since, whichever app process committed it.
(On PostgreSQL two transactions can commit their ids out of order; a row that lands behind
the cursor is still shown by the next refresh, because a refresh re-reads the whole view.)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Event, Message


@dataclass(frozen=True)
class Cursor:
    message_id: int = 0
    event_id: int = 0

    def __str__(self) -> str:
        return f"{self.message_id}.{self.event_id}"

    @classmethod
    def parse(cls, text: str | None) -> Cursor | None:
        """The cursor written by `str()`, or None for anything else."""
        if not text:
            return None
        first, _, second = text.strip().partition(".")
        if not (first.isdigit() and second.isdigit()):
            return None
        return cls(int(first), int(second))


@dataclass(frozen=True)
class Changes:
    cursor: Cursor
    conversation_ids: list[int]
    messages: int
    events: int


def current_cursor(session: Session) -> Cursor:
    """The end of the log right now."""
    return Cursor(
        session.scalar(select(func.max(Message.id))) or 0,
        session.scalar(select(func.max(Event.id))) or 0,
    )


def changes_after(session: Session, cursor: Cursor, *, customer_id: int | None) -> Changes:
    """Messages and events after `cursor`, for one customer's timeline or (None) for everyone."""
    # Fix the end first: rows committed while we scan are left for the next poll, not skipped.
    end = current_cursor(session)
    messages = select(Message.id, Message.conversation_id).where(
        Message.id > cursor.message_id, Message.id <= end.message_id
    )
    events = select(Event.id, Event.conversation_id).where(
        Event.id > cursor.event_id, Event.id <= end.event_id
    )
    if customer_id is not None:
        messages = messages.where(Message.customer_id == customer_id)
        events = events.where(Event.customer_id == customer_id)
    new_messages = session.execute(messages).all()
    new_events = session.execute(events).all()
    touched = sorted({row[1] for row in new_messages} | {row[1] for row in new_events})
    # Advance over rows the filter hid too, so they are not scanned again on every poll.
    return Changes(
        cursor=Cursor(max(end.message_id, cursor.message_id), max(end.event_id, cursor.event_id)),
        conversation_ids=touched,
        messages=len(new_messages),
        events=len(new_events),
    )
