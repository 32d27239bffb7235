"""Filling a database with the demo desk, through the same pipeline and verbs as real traffic."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts import service as accounts
from gonggam.accounts.models import Role, User
from gonggam.accounts.principal import Principal
from gonggam.accounts.security import hash_password
from gonggam.conversations import service as conversations
from gonggam.conversations.models import Conversation, Status
from gonggam.conversations.pipeline import InboundMessage, ingest
from gonggam.customers.service import CustomerRef
from gonggam.db import engine_for, session_factory
from gonggam.demo.data import CONVERSATIONS, ON_SHIFT, PEOPLE, TEAMS
from gonggam.kit.clock import utcnow
from gonggam.routing import agents
from gonggam.routing.models import Presence, Team


def seed_demo(url: str, *, password: str) -> list[tuple[str, str]]:
    """Create the demo desk (or reset its passwords if it exists); returns (role, e-mail) logins."""
    factory = session_factory(engine_for(url))
    with factory() as session:
        fresh = session.scalar(select(User).limit(1)) is None
        teams = _teams(session) if fresh else {}
        for role, email, name, team in PEOPLE:
            user = accounts.get_by_email(session, email=email)
            if user is None:
                accounts.create(
                    session,
                    email=email,
                    name=name,
                    role=Role(role),
                    password=password,
                    team_id=teams[team].id if team else None,
                )
            else:
                user.password_hash = hash_password(password)
        session.commit()
    if fresh:
        _conversations(factory)
        _shift(factory)
    return [(role, email) for role, email, _, _ in PEOPLE]


def _teams(session: Session) -> dict[str, Team]:
    teams = {}
    for name, display, intents, is_default in TEAMS:
        team = Team(name=name, display_name=display, intents=intents, is_default=is_default)
        session.add(team)
        teams[name] = team
    session.flush()
    return teams


def _conversations(factory: sessionmaker[Session]) -> None:
    now = utcnow()
    for demo in CONVERSATIONS:
        ref = CustomerRef(
            name=demo.name, email=demo.email, phone=demo.phone, external_id=demo.external_id
        )
        conversation_id = 0
        for message in demo.messages:
            result = ingest(
                factory,
                InboundMessage(
                    channel=message.channel,
                    text=message.text,
                    customer=ref,
                    received_at=now - timedelta(minutes=message.minutes_ago),
                ),
            )
            conversation_id = result.conversation_id
            if message.agent_reply and demo.assignee:
                # Agents answered a few minutes after the customer wrote.
                replied = now - timedelta(minutes=message.minutes_ago - 4)
                _as_agent(
                    factory, conversation_id, demo.assignee, reply=message.agent_reply, at=replied
                )
        _settle(factory, conversation_id, demo.assignee, demo.status, demo.note, demo.tags)


def _principal(session: Session, email: str) -> Principal:
    user = accounts.get_by_email(session, email=email)
    if user is None:
        raise LookupError(f"demo user {email} missing")
    return accounts.principal_for(user, via="session")


def _conversation(session: Session, conversation_id: int) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise LookupError(f"demo conversation {conversation_id} missing")
    return conversation


def _as_agent(
    factory: sessionmaker[Session],
    conversation_id: int,
    email: str,
    *,
    reply: str,
    at: datetime,
) -> None:
    with factory() as session:
        conversation = _conversation(session, conversation_id)
        conversations.reply(
            session, conversation=conversation, author=_principal(session, email), text=reply, at=at
        )


def _settle(
    factory: sessionmaker[Session],
    conversation_id: int,
    assignee: str | None,
    status: str,
    note: str | None,
    tags: list[str],
) -> None:
    with factory() as session:
        conversation = _conversation(session, conversation_id)
        if assignee:
            agent = accounts.get_by_email(session, email=assignee)
            conversations.assign(
                session,
                conversation=conversation,
                agent=agent,
                actor=_principal(session, "supervisor@demo.gonggam"),
            )
        if note and assignee:
            conversations.add_note(
                session, conversation=conversation, author=_principal(session, assignee), text=note
            )
        if tags:
            conversation.tags = tags
            session.commit()
        if status != Status.open.value:
            actor = _principal(session, assignee or "supervisor@demo.gonggam")
            if status == Status.closed.value:
                conversations.change_status(
                    session, conversation=conversation, new_status=Status.resolved, actor=actor
                )
            conversations.change_status(
                session, conversation=conversation, new_status=Status(status), actor=actor
            )


def _shift(factory: sessionmaker[Session]) -> None:
    """Put the demo's on-shift agents online: routing assigns and queues from here on."""
    with factory() as session:
        supervisor = _principal(session, "supervisor@demo.gonggam")
        for email, skills, chat_capacity, email_capacity in ON_SHIFT:
            user = accounts.get_by_email(session, email=email)
            if user is None:
                raise LookupError(f"demo user {email} missing")
            agents.update_profile(
                session,
                user=user,
                actor=supervisor,
                skills=skills,
                chat_capacity=chat_capacity,
                email_capacity=email_capacity,
            )
            agents.set_presence(session, user=user, presence=Presence.online, actor=supervisor)
