"""Whether the widget says an agent is around: sign-ins, sign-outs and recent actions."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry, User
from gonggam.channels.chat.presence import agents_available
from gonggam.conversations.models import Conversation, Event
from gonggam.customers.models import Customer
from gonggam.kit.clock import utcnow


def test_signed_in_agents_count_until_they_sign_out(factory: sessionmaker[Session]) -> None:
    now = utcnow()
    with factory() as session:
        assert agents_available(session, now=now) is False
        agent = User(email="sora@desk.kr", name="윤소라", role="agent")
        session.add(agent)
        session.flush()
        session.add(
            AuditEntry(
                actor_id=agent.id,
                actor_label=agent.email,
                action="login",
                target=None,
                created_at=now - timedelta(hours=2),
            )
        )
        session.commit()
        assert agents_available(session, now=now) is True
        # A sign-in older than the session lifetime no longer counts.
        assert agents_available(session, now=now + timedelta(hours=11)) is False
        session.add(
            AuditEntry(
                actor_id=agent.id,
                actor_label=agent.email,
                action="logout",
                target=None,
                created_at=now - timedelta(minutes=30),
            )
        )
        session.commit()
        assert agents_available(session, now=now) is False


def test_a_recent_agent_action_counts(factory: sessionmaker[Session]) -> None:
    now = utcnow()
    with factory() as session:
        agent = User(email="jun@desk.kr", name="박준", role="agent")
        customer = Customer(name="고객")
        session.add_all([agent, customer])
        session.flush()
        conversation = Conversation(customer_id=customer.id, channel="chat")
        session.add(conversation)
        session.flush()
        session.add(
            Event(
                conversation_id=conversation.id,
                customer_id=customer.id,
                kind="note_added",
                actor_id=agent.id,
                actor_label=agent.email,
                created_at=now - timedelta(minutes=5),
            )
        )
        session.commit()
        assert agents_available(session, now=now) is True
        assert agents_available(session, now=now + timedelta(minutes=20)) is False


def test_an_agent_who_switched_online_counts(factory: sessionmaker[Session]) -> None:
    from gonggam.accounts.models import Role
    from gonggam.accounts.principal import Principal
    from gonggam.routing.agents import set_presence
    from gonggam.routing.models import Presence

    with factory() as session:
        agent = User(email="minji@desk.kr", name="김민지", role="agent")
        session.add(agent)
        session.commit()
        assert agents_available(session) is False
        actor = Principal(
            user_id=agent.id, email=agent.email, name=agent.name, role=Role.agent, via="session"
        )
        set_presence(session, user=agent, presence=Presence.online, actor=actor)
        assert agents_available(session) is True
