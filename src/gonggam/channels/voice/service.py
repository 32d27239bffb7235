"""Voice verbs: find the call's conversation, record a callback request, say the wait."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.channels.models import Channel
from gonggam.conversations.models import Conversation, Message
from gonggam.routing.announce import wait_sentence
from gonggam.routing.callbacks import request_callback as routing_callback
from gonggam.routing.waittime import record_announcement, wait_for_conversation

CALLBACK_TAG = "callback"


def voice_channel(session: Session, name: str | None) -> Channel | None:
    """The named voice channel, or the first active one."""
    query = select(Channel).where(Channel.kind == "voice", Channel.is_active.is_(True))
    if name:
        query = query.where(Channel.name == name)
    return session.scalars(query.order_by(Channel.id).limit(1)).first()


def call_provider_id(channel: Channel, call_sid: str, step: str) -> str:
    """Each spoken answer of a call is one message: channel name + CallSid + step."""
    return f"{channel.name}:{call_sid}:{step}"


def conversation_of_call(session: Session, channel: Channel, call_sid: str) -> Conversation | None:
    message = session.scalar(
        select(Message).where(
            Message.channel == "voice",
            Message.provider_message_id == call_provider_id(channel, call_sid, "reason"),
        )
    )
    return session.get(Conversation, message.conversation_id) if message else None


def request_callback(session: Session, *, conversation: Conversation, phone: str) -> None:
    """The caller asked to be called back: routing's callback task (seen by agents, counted in
    the wait report) and a tag so the inbox shows it."""
    tags = list(conversation.tags or [])
    if CALLBACK_TAG not in tags:
        conversation.tags = [*tags, CALLBACK_TAG]
    routing_callback(session, conversation=conversation, phone=phone)


def wait_announcement(session: Session, conversation: Conversation) -> str:
    """What the caller hears about the wait (position, and minutes when known); recorded so
    the accuracy report can compare it with the actual wait."""
    wait = wait_for_conversation(session, conversation=conversation)
    if wait.position is None:
        return "곧 상담사가 연결됩니다."
    record_announcement(session, conversation=conversation, estimate=wait, channel="voice")
    return wait_sentence(wait)


def queue_name(channel: Channel, conversation: Conversation | None) -> str:
    """The team's queue when triage routed the call, else the channel's default queue."""
    if conversation is not None and conversation.team is not None:
        return conversation.team.name
    return str(channel.settings.get("queue") or "gonggam")
