"""Agents as routing sees them: presence, capacity and skills. Each change is one verb.

Going online, raising capacity or gaining a skill can free room for queued conversations, so
every verb dispatches the queue inside its own transaction before committing.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from gonggam.accounts import service as accounts
from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.kit.clock import utcnow
from gonggam.routing.assign import dispatch
from gonggam.routing.models import AgentProfile, Presence

MAX_CAPACITY = 50


def profile_of(session: Session, *, user: User) -> AgentProfile:
    """The agent's routing profile, created with defaults (offline) on first use."""
    profile = session.get(AgentProfile, user.id)
    if profile is None:
        profile = AgentProfile(
            user_id=user.id,
            skills=[],
            chat_capacity=3,
            email_capacity=10,
            presence=Presence.offline.value,
            presence_changed_at=utcnow(),
        )
        session.add(profile)
        session.flush()
    return profile


def set_presence(session: Session, *, user: User, presence: Presence, actor: Principal) -> int:
    """Online, away or offline. Returns how many queued conversations came to this change."""
    profile = profile_of(session, user=user)
    if profile.presence != presence.value:
        profile.presence = presence.value
        profile.presence_changed_at = utcnow()
        accounts.audit(
            session,
            actor=actor,
            action="agent.presence",
            target=f"user:{user.id}",
            presence=presence.value,
        )
    assigned = dispatch(session)
    session.commit()
    return assigned


def update_profile(
    session: Session,
    *,
    user: User,
    actor: Principal,
    skills: list[str] | None = None,
    chat_capacity: int | None = None,
    email_capacity: int | None = None,
) -> int:
    """Change skills and capacities; returns how many queued conversations were assigned."""
    profile = profile_of(session, user=user)
    if skills is not None:
        profile.skills = sorted({s.strip() for s in skills if s.strip()})
    if chat_capacity is not None:
        profile.chat_capacity = max(0, min(MAX_CAPACITY, chat_capacity))
    if email_capacity is not None:
        profile.email_capacity = max(0, min(MAX_CAPACITY, email_capacity))
    accounts.audit(
        session,
        actor=actor,
        action="agent.profile",
        target=f"user:{user.id}",
        skills=profile.skills,
        chat_capacity=profile.chat_capacity,
        email_capacity=profile.email_capacity,
    )
    assigned = dispatch(session)
    session.commit()
    return assigned
