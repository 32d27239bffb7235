"""Queries for conversations. Access checks live here so no endpoint can forget them."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, status
from sqlalchemy import Select, func, nulls_last, or_, select, true
from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, Event, Message
from gonggam.customers.models import CustomerIdentity, IdentityKind
from gonggam.kit.pagination import Page
from gonggam.routing.models import Team


@dataclass(frozen=True)
class ConversationFilter:
    """Inbox and API filters; every field is optional."""

    statuses: tuple[str, ...] = ()
    team: str | None = None
    assignee: str | None = None  # e-mail, user id, "me" or "none"
    channel: str | None = None
    customer_email: str | None = None
    customer_phone: str | None = None
    customer_id: int | None = None


def _visible(principal: Principal) -> Select[Conversation]:
    """Conversations this principal may see.

    Every role sees every conversation today: agents work team and shared queues. When
    restricted customers or private teams arrive, their filter goes here and only here.
    """
    del principal
    return select(Conversation)


def access_conversation_by_id(
    session: Session, *, principal: Principal, conversation_id: int
) -> Conversation:
    """The conversation if it exists and the principal may see it; 404 otherwise."""
    conversation = session.scalar(_visible(principal).where(Conversation.id == conversation_id))
    if conversation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"conversation {conversation_id} not found")
    return conversation


def _apply(
    query: Select[Conversation],
    flt: ConversationFilter,
    principal: Principal,
    session: Session,
) -> Select[Conversation]:
    from gonggam.customers.identity import normalize_email, normalize_phone

    if flt.statuses:
        query = query.where(Conversation.status.in_(flt.statuses))
    if flt.team:
        query = query.join(Team, Team.id == Conversation.team_id).where(Team.name == flt.team)
    if flt.assignee:
        if flt.assignee == "none":
            query = query.where(Conversation.assignee_id.is_(None))
        else:
            user_id = resolve_user_id(session, principal=principal, ref=flt.assignee)
            query = query.where(Conversation.assignee_id == user_id)
    if flt.channel:
        query = query.where(Conversation.channel == flt.channel)
    if flt.customer_id is not None:
        query = query.where(Conversation.customer_id == flt.customer_id)
    identity_filters = []
    if flt.customer_email:
        identity_filters.append((IdentityKind.email, normalize_email(flt.customer_email)))
    if flt.customer_phone:
        identity_filters.append((IdentityKind.phone, normalize_phone(flt.customer_phone)))
    for kind, value in identity_filters:
        owners = select(CustomerIdentity.customer_id).where(
            CustomerIdentity.kind == kind.value, CustomerIdentity.value == value
        )
        query = query.where(Conversation.customer_id.in_(owners))
    return query


def access_message_by_id(session: Session, *, principal: Principal, message_id: int) -> Message:
    """The message if the principal may see its conversation; 404 otherwise."""
    message = session.get(Message, message_id)
    if message is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"message {message_id} not found")
    access_conversation_by_id(session, principal=principal, conversation_id=message.conversation_id)
    return message


def resolve_user_id(session: Session, *, principal: Principal, ref: str) -> int:
    """Turn 'me', a user id or an e-mail into a user id (404 when nobody matches)."""
    if ref == "me":
        if principal.user_id is None:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "'me' needs a signed-in user")
        return principal.user_id
    query = select(User.id).where(
        or_(User.email == ref.strip().lower(), User.id == (int(ref) if ref.isdigit() else -1))
    )
    user_id = session.scalar(query)
    if user_id is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no user {ref!r}")
    return user_id


def list_conversations(
    session: Session, *, principal: Principal, flt: ConversationFilter, page: Page
) -> tuple[list[Conversation], int]:
    """One page of conversations, most urgent first, then longest waiting, and the total."""
    query = _apply(_visible(principal), flt, principal, session)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(
            Conversation.priority.desc(),
            nulls_last(Conversation.waiting_since.asc()),
            Conversation.last_message_at.desc(),
            Conversation.id.desc(),
        )
        .limit(page.limit)
        .offset(page.offset)
    )
    return list(rows), total


def last_messages(
    session: Session, conversation_ids: list[int], *, waiting: frozenset[int] = frozenset()
) -> dict[int, Message]:
    """The latest customer-visible message of each conversation, in one query (no N+1).

    For conversations in `waiting` (a customer waits for a person) it is the customer's own
    latest message, so an automatic acknowledgement or warning never hides what they asked.
    """
    if not conversation_ids:
        return {}
    latest_shown = (
        select(func.max(Message.id))
        .where(
            Message.conversation_id.in_(conversation_ids),
            Message.direction != "note",
            Message.conversation_id.not_in(waiting) if waiting else true(),
        )
        .group_by(Message.conversation_id)
    )
    latest_inbound = (
        select(func.max(Message.id))
        .where(Message.conversation_id.in_(waiting), Message.direction == "in")
        .group_by(Message.conversation_id)
    )
    wanted = latest_shown.union_all(latest_inbound) if waiting else latest_shown
    messages = session.scalars(select(Message).where(Message.id.in_(wanted)))
    found = {m.conversation_id: m for m in messages}
    if waiting:  # a waiting conversation with no inbound message yet (walk-in drafts, …)
        missing = [i for i in waiting if i not in found and i in conversation_ids]
        if missing:
            found.update(last_messages(session, missing))
    return found


def messages_of(session: Session, conversation_id: int) -> list[Message]:
    return list(
        session.scalars(
            select(Message).where(Message.conversation_id == conversation_id).order_by(Message.id)
        )
    )


def events_of(session: Session, conversation_id: int) -> list[Event]:
    return list(
        session.scalars(
            select(Event).where(Event.conversation_id == conversation_id).order_by(Event.id)
        )
    )


def customer_messages(session: Session, customer_id: int) -> list[Message]:
    return list(
        session.scalars(
            select(Message).where(Message.customer_id == customer_id).order_by(Message.id)
        )
    )


def customer_events(session: Session, customer_id: int) -> list[Event]:
    return list(
        session.scalars(select(Event).where(Event.customer_id == customer_id).order_by(Event.id))
    )
