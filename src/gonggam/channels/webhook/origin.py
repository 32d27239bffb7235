"""Which configured channel a conversation's customer wrote from, so the reply goes back there."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.channels.models import Channel
from gonggam.conversations.models import Direction, Message


def provider_id(channel: Channel, message_id: str) -> str:
    """Provider message ids are only unique per provider: prefix them with the channel name."""
    return f"{channel.name}:{message_id}"


def external_id(channel: Channel, sender_id: str) -> str:
    """A messenger's user id is only meaningful within that provider's channel."""
    return f"{channel.name}:{sender_id}"


def channel_by_ref(session: Session, ref: str) -> Channel | None:
    """A channel by its name, or by its numeric id."""
    found = session.scalar(select(Channel).where(Channel.name == ref))
    if found is None and ref.isdigit():
        found = session.get(Channel, int(ref))
    return found


def origin_channel(session: Session, *, conversation_id: int, label: str) -> Channel | None:
    """The channel of the customer's latest message with this label that came through one."""
    latest = session.scalar(
        select(Message.provider_message_id)
        .where(
            Message.conversation_id == conversation_id,
            Message.direction == Direction.inbound.value,
            Message.channel == label,
            Message.provider_message_id.is_not(None),
        )
        .order_by(Message.id.desc())
        .limit(1)
    )
    if not latest or ":" not in latest:
        return None
    name = latest.split(":", 1)[0]
    channel = session.scalar(select(Channel).where(Channel.name == name))
    return channel if channel is not None and channel.is_active else None
