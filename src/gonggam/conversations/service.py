"""Every change to a conversation goes through one verb here.

Each verb owns its transaction: it changes the rows, appends the timeline event and commits.
Committed events are what live views and reports read, so a change without its event is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.channels.outbox import enqueue
from gonggam.conversations.models import (
    Conversation,
    Direction,
    Event,
    EventKind,
    Message,
    Status,
)
from gonggam.kit.clock import utcnow
from gonggam.routing.models import Team
from gonggam.routing.tracking import after_change
from gonggam.routing.transfers import alert_repeated_transfer
from gonggam.triage import mask_pii


def record_event(
    session: Session,
    *,
    conversation: Conversation,
    kind: EventKind,
    actor: Principal | None,
    at: datetime | None = None,
    **data: Any,
) -> Event:
    """Append an event to the conversation's timeline (committed by the caller's verb).

    `at` backdates the event for imported or replayed history; live changes leave it None.
    """
    event = Event(
        conversation_id=conversation.id,
        customer_id=conversation.customer_id,
        kind=kind.value,
        actor_id=actor.user_id if actor else None,
        actor_label=actor.label if actor else None,
        data=data,
        created_at=at or utcnow(),
    )
    session.add(event)
    return event


def _agent_message(
    session: Session,
    *,
    conversation: Conversation,
    author: Principal,
    text: str,
    direction: Direction,
    at: datetime,
) -> Message:
    message = Message(
        conversation_id=conversation.id,
        customer_id=conversation.customer_id,
        direction=direction.value,
        channel=reply_channel(session, conversation),
        author_id=author.user_id,
        text=text,
        masked_text=mask_pii(text),
        created_at=at,
    )
    session.add(message)
    session.flush()
    return message


def desk_message(
    session: Session,
    *,
    conversation: Conversation,
    text: str,
    at: datetime,
    channel: str | None = None,
) -> Message:
    """An outbound message with no author: the desk itself speaks to the customer (an
    acknowledgement, a warning). Queued for the channel's sender in the caller's transaction;
    it is not an answer, so the customer's wait is left as it is."""
    message = Message(
        conversation_id=conversation.id,
        customer_id=conversation.customer_id,
        direction=Direction.outbound.value,
        channel=channel or reply_channel(session, conversation),
        author_id=None,
        text=text,
        masked_text=mask_pii(text),
        delivery_status="queued",
        created_at=at,
    )
    session.add(message)
    session.flush()
    enqueue(session, message=message)
    return message


def reply_channel(session: Session, conversation: Conversation) -> str:
    """Answer on the channel the customer last wrote from, not the one they started on."""
    latest = session.scalar(
        select(Message.channel)
        .where(
            Message.conversation_id == conversation.id,
            Message.direction == Direction.inbound.value,
        )
        .order_by(Message.id.desc())
        .limit(1)
    )
    return latest or conversation.channel


def _require_not_closed(conversation: Conversation) -> None:
    if conversation.status == Status.closed.value:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "this conversation is closed; the customer's next message opens a new one",
        )


def reply(
    session: Session,
    *,
    conversation: Conversation,
    author: Principal,
    text: str,
    at: datetime | None = None,
    before_commit: Callable[[Message], None] | None = None,
) -> Message:
    """Send a reply to the customer on the conversation's channel.

    Delivery belongs to the channel adapter; until one confirms, the reply is 'queued'.
    `before_commit` adds rows that belong to the same change (the reply's coaching).
    """
    _require_not_closed(conversation)
    now = at or utcnow()
    message = _agent_message(
        session,
        conversation=conversation,
        author=author,
        text=text,
        direction=Direction.outbound,
        at=now,
    )
    message.delivery_status = "queued"
    # Committed together with the reply: a crash cannot lose what the agent sent.
    enqueue(session, message=message)
    if conversation.first_response_at is None:
        conversation.first_response_at = now
    conversation.waiting_since = None
    conversation.last_message_at = now
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.reply_sent,
        actor=author,
        at=now,
        message_id=message.id,
    )
    if before_commit is not None:
        before_commit(message)
    session.commit()
    return message


def add_note(
    session: Session,
    *,
    conversation: Conversation,
    author: Principal,
    text: str,
    at: datetime | None = None,
) -> Message:
    """An internal note: visible to the team, never sent to the customer."""
    now = at or utcnow()
    message = _agent_message(
        session,
        conversation=conversation,
        author=author,
        text=text,
        direction=Direction.note,
        at=now,
    )
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.note_added,
        actor=author,
        at=now,
        message_id=message.id,
    )
    session.commit()
    return message


def change_status(
    session: Session, *, conversation: Conversation, new_status: Status, actor: Principal | None
) -> None:
    """Move the conversation along open → pending → resolved → closed (or back to open)."""
    old = conversation.status
    if old == new_status.value:
        return
    _require_not_closed(conversation)
    previous_assignee = conversation.assignee_id
    conversation.status = new_status.value
    if new_status is Status.resolved:
        conversation.resolved_at = utcnow()
    if new_status in (Status.resolved, Status.closed):
        conversation.waiting_since = None
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.status_changed,
        actor=actor,
        old=old,
        new=new_status.value,
    )
    after_change(session, conversation=conversation, previous_assignee_id=previous_assignee)
    session.commit()


def assign(
    session: Session, *, conversation: Conversation, agent: User | None, actor: Principal | None
) -> None:
    """Give the conversation to an agent (or take it back to the queue with None)."""
    if agent is not None and not agent.is_active:
        raise HTTPException(status.HTTP_409_CONFLICT, f"{agent.email} is not active")
    old = conversation.assignee.email if conversation.assignee else None
    previous_assignee = conversation.assignee_id
    conversation.assignee_id = agent.id if agent else None
    if agent is not None and agent.team_id is not None and conversation.team_id is None:
        conversation.team_id = agent.team_id
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.assigned,
        actor=actor,
        old=old,
        new=agent.email if agent else None,
    )
    after_change(session, conversation=conversation, previous_assignee_id=previous_assignee)
    session.commit()
    session.refresh(conversation)


def transfer(
    session: Session,
    *,
    conversation: Conversation,
    team: Team | None,
    agent: User | None,
    reason: str,
    note: str | None,
    actor: Principal,
) -> None:
    """Hand the conversation to another team or agent. The reason is mandatory.

    The receiver gets the whole timeline; the optional note is stored as an internal note so
    the customer never has to repeat the story.
    """
    if team is None and agent is None:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "a transfer needs a team or an agent"
        )
    _require_not_closed(conversation)
    if agent is not None and not agent.is_active:
        raise HTTPException(status.HTTP_409_CONFLICT, f"{agent.email} is not active")
    target_team = team or (agent.team if agent else None)
    old_team = conversation.team.name if conversation.team else None
    old_agent = conversation.assignee.email if conversation.assignee else None
    previous_assignee = conversation.assignee_id
    conversation.team_id = target_team.id if target_team else conversation.team_id
    conversation.assignee_id = agent.id if agent else None
    conversation.transfer_count += 1
    note_id = None
    if note:
        note_id = _agent_message(
            session,
            conversation=conversation,
            author=actor,
            text=note,
            direction=Direction.note,
            at=utcnow(),
        ).id
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.transferred,
        actor=actor,
        from_team=old_team,
        to_team=target_team.name if target_team else old_team,
        from_agent=old_agent,
        to_agent=agent.email if agent else None,
        reason=reason,
        note_message_id=note_id,
        transfer_count=conversation.transfer_count,
    )
    alert_repeated_transfer(session, conversation=conversation, reason=reason, actor=actor)
    after_change(session, conversation=conversation, previous_assignee_id=previous_assignee)
    session.commit()
    session.refresh(conversation)


def reveal(session: Session, *, message: Message, actor: Principal, reason: str | None) -> str:
    """The unmasked text of a message. Every reveal is written to the audit log (PIPA)."""
    from gonggam.accounts.service import audit

    audit(
        session,
        actor=actor,
        action="message.reveal",
        target=f"message:{message.id}",
        conversation_id=message.conversation_id,
        reason=reason,
    )
    session.commit()
    return message.text


def find_team(session: Session, *, name: str) -> Team:
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no team {name!r}")
    return team
