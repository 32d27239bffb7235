"""Accounts: people, sign-in, API tokens, audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.models import ApiToken, AuditEntry, Role, User
from gonggam.accounts.principal import Principal
from gonggam.accounts.security import (
    hash_api_token,
    hash_password,
    new_api_token,
    verify_password,
)
from gonggam.kit.clock import utcnow


def get(session: Session, *, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_by_email(session: Session, *, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.role.desc(), User.name)))


def create(
    session: Session,
    *,
    email: str,
    name: str,
    role: Role,
    password: str | None,
    team_id: int | None = None,
    actor: Principal | None = None,
) -> User:
    """Create a user (committed) and record it in the audit log."""
    user = User(
        email=email.strip().lower(),
        name=name,
        role=role.value,
        password_hash=hash_password(password) if password else None,
        team_id=team_id,
    )
    session.add(user)
    session.flush()
    audit(session, actor=actor, action="user.create", target=f"user:{user.id}", role=role.value)
    session.commit()
    return user


def authenticate(session: Session, *, email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None."""
    user = get_by_email(session, email=email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    if user is None or not user.is_active:
        return None
    return user


def principal_for(user: User, *, via: str) -> Principal:
    return Principal(
        user_id=user.id,
        email=user.email,
        name=user.name,
        role=user.role_enum,
        via=via,
        locale=user.locale,
    )


def issue_token(session: Session, *, user: User, name: str, actor: Principal | None) -> str:
    """Create an API token for `user` and return it; it cannot be shown again."""
    token = new_api_token()
    session.add(ApiToken(user_id=user.id, name=name, token_hash=hash_api_token(token)))
    audit(session, actor=actor, action="token.issue", target=f"user:{user.id}", name=name)
    session.commit()
    return token


def user_for_token(session: Session, *, token: str) -> User | None:
    """The active user owning an unrevoked token, or None."""
    row = session.scalar(
        select(ApiToken).where(
            ApiToken.token_hash == hash_api_token(token), ApiToken.revoked_at.is_(None)
        )
    )
    if row is None or not row.user.is_active:
        return None
    return row.user


def audit(
    session: Session, *, actor: Principal | None, action: str, target: str | None, **detail: Any
) -> None:
    """Add an audit entry to the session; the caller's transaction commits it."""
    session.add(
        AuditEntry(
            actor_id=actor.user_id if actor else None,
            actor_label=actor.label if actor else "system",
            action=action,
            target=target,
            detail=detail,
            created_at=utcnow(),
        )
    )
