"""Callbacks: a waiting customer asked to be called back instead of holding.

The request settles the customer's wait announcements as a callback (they stopped holding, but
did not give up), so the accuracy report and the abandonment rate do not count them as lost.
Agents see the number masked, like other personal data, until they reveal it (audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, EventKind
from gonggam.kit.clock import utcnow
from gonggam.routing.models import CallbackRequest
from gonggam.routing.tracking import settle_announcements

CALLBACK_OUTCOME = "callback"
OPEN = "open"
DONE = "done"


def masked_phone(phone: str) -> str:
    """Every digit hidden, separators kept, like masked personal data in messages."""
    return "".join("*" if ch.isdigit() else ch for ch in phone)


def request_callback(
    session: Session,
    *,
    conversation: Conversation,
    phone: str,
    actor: Principal | None = None,
) -> CallbackRequest:
    """The customer asked to be called back: a task on the conversation, seen by agents."""
    from gonggam.conversations.service import record_event

    now = utcnow()
    callback = CallbackRequest(
        conversation_id=conversation.id, phone=phone.strip()[:40], status=OPEN, requested_at=now
    )
    session.add(callback)
    session.flush()
    settle_announcements(
        session, conversation_id=conversation.id, outcome=CALLBACK_OUTCOME, now=now
    )
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.callback_requested,
        actor=actor,
        callback_id=callback.id,
        phone=masked_phone(callback.phone),
    )
    session.commit()
    return callback


def callbacks_of(session: Session, *, conversation_id: int) -> list[CallbackRequest]:
    """Every callback of this conversation, newest first (open and done)."""
    return list(
        session.scalars(
            select(CallbackRequest)
            .where(CallbackRequest.conversation_id == conversation_id)
            .order_by(CallbackRequest.id.desc())
        )
    )


@dataclass(frozen=True)
class WaitingCallback:
    callback: CallbackRequest
    conversation: Conversation


def team_callbacks(
    session: Session, *, team_id: int | None, limit: int = 100
) -> list[WaitingCallback]:
    """Open callbacks for a team (all teams when None), oldest request first."""
    query = (
        select(CallbackRequest, Conversation)
        .join(Conversation, Conversation.id == CallbackRequest.conversation_id)
        .where(CallbackRequest.status == OPEN)
        .order_by(CallbackRequest.requested_at, CallbackRequest.id)
        .limit(limit)
    )
    if team_id is not None:
        query = query.where(Conversation.team_id == team_id)
    return [WaitingCallback(cb, conv) for cb, conv in session.execute(query)]


def callbacks_for(session: Session, principal: Principal) -> list[WaitingCallback]:
    """The callbacks a person works: their team's, or every team's for supervisors and people
    without a team."""
    from gonggam.accounts.models import Role

    user = session.get(User, principal.user_id) if principal.user_id else None
    team_id = None
    if user is not None and user.team_id is not None and not principal.has_role(Role.supervisor):
        team_id = user.team_id
    return team_callbacks(session, team_id=team_id)


def get_callback(session: Session, *, callback_id: int) -> CallbackRequest:
    callback = session.get(CallbackRequest, callback_id)
    if callback is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"callback {callback_id} not found")
    return callback


def complete_callback(
    session: Session, *, callback: CallbackRequest, conversation: Conversation, actor: Principal
) -> None:
    """Mark a callback as made (once; doing it again changes nothing)."""
    from gonggam.conversations.service import record_event

    if callback.status == DONE:
        return
    callback.status = DONE
    callback.done_at = utcnow()
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.callback_done,
        actor=actor,
        callback_id=callback.id,
        phone=masked_phone(callback.phone),
    )
    session.commit()


def reveal_phone(session: Session, *, callback: CallbackRequest, actor: Principal) -> str:
    """The callback number unmasked; every reveal is written to the audit log (PIPA)."""
    from gonggam.accounts.service import audit

    audit(
        session,
        actor=actor,
        action="callback.reveal",
        target=f"callback:{callback.id}",
        conversation_id=callback.conversation_id,
    )
    session.commit()
    return callback.phone
