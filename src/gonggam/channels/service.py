"""Configured channels: create, look up."""

from __future__ import annotations

import secrets

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.channels.models import Channel, Delivery
from gonggam.channels.schemas import ChannelIn, ChannelUpdate


def get_by_name(session: Session, *, name: str) -> Channel | None:
    return session.scalar(select(Channel).where(Channel.name == name))


def list_channels(session: Session) -> list[Channel]:
    return list(session.scalars(select(Channel).order_by(Channel.id)))


def create(session: Session, *, channel_in: ChannelIn, actor: Principal | None) -> Channel:
    """Add a channel; a webhook secret is generated when none is given."""
    from gonggam.accounts.service import audit

    if get_by_name(session, name=channel_in.name) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"a channel {channel_in.name!r} exists")
    channel = Channel(
        name=channel_in.name,
        kind=channel_in.kind,
        display_name=channel_in.display_name,
        secret=channel_in.secret or secrets.token_urlsafe(24),
        outbound_url=channel_in.outbound_url,
        allow_private_outbound=channel_in.allow_private_outbound,
        settings=channel_in.settings,
    )
    session.add(channel)
    session.flush()
    audit(session, actor=actor, action="channel.create", target=f"channel:{channel.id}")
    session.commit()
    return channel


def list_deliveries(session: Session, *, status_filter: str | None, limit: int) -> list[Delivery]:
    """The outbox, newest first, optionally only one status (queued, sent, failed)."""
    query = select(Delivery).order_by(Delivery.id.desc()).limit(limit)
    if status_filter:
        query = query.where(Delivery.status == status_filter)
    return list(session.scalars(query))


def ensure_channel(
    session: Session, *, name: str, kind: str, display_name: str, secret: str | None
) -> Channel:
    """The named channel, created if missing; a given secret replaces the stored one."""
    channel = get_by_name(session, name=name)
    if channel is None:
        channel = Channel(
            name=name,
            kind=kind,
            display_name=display_name,
            secret=secret or secrets.token_urlsafe(24),
            settings={},
        )
        session.add(channel)
    elif secret:
        channel.secret = secret
    session.commit()
    return channel


def update(
    session: Session, *, channel: Channel, changes: ChannelUpdate, actor: Principal
) -> Channel:
    """Change a channel (e.g. allow private outbound, rotate the secret); audited."""
    from gonggam.accounts.service import audit

    fields = changes.model_dump(exclude_unset=True)
    for name, value in fields.items():
        setattr(channel, name, value)
    # The audit names what changed, never the secret itself.
    audit(
        session,
        actor=actor,
        action="channel.update",
        target=f"channel:{channel.id}",
        fields=sorted(fields),
    )
    session.commit()
    return channel
