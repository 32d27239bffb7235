"""Verbs for public posts: mark a conversation public, ask the customer to update a review."""

from __future__ import annotations

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation, Event, EventKind, Priority, Status
from gonggam.conversations.service import record_event, reply

PUBLIC_TAG = "public"

REVIEW_REQUEST_KO = (
    "안녕하세요. 말씀해 주신 문제가 해결되어 다행입니다. 불편을 겪으신 만큼 솔직한 후기가 "
    "다른 고객분들께 큰 도움이 됩니다. 괜찮으시다면 지금 상황을 반영해 후기를 한 번 "
    "업데이트해 주실 수 있을까요? 물론 부담 갖지 않으셔도 됩니다. 감사합니다."
)


def mark_public(
    session: Session, *, conversation: Conversation, url: str | None, private_url: str | None
) -> None:
    """Tag the conversation public and raise it to high priority (priority only rises)."""
    tags = list(conversation.tags or [])
    if PUBLIC_TAG not in tags:
        conversation.tags = [*tags, PUBLIC_TAG]
    old = conversation.priority
    if old < Priority.high:
        conversation.priority = int(Priority.high)
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.priority_changed,
            actor=None,
            old=Priority(old).name,
            new=Priority.high.name,
            reason="public post",
        )
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.public_post,
        actor=None,
        url=url,
        private_url=private_url,
    )
    session.commit()


def is_public(conversation: Conversation) -> bool:
    return PUBLIC_TAG in (conversation.tags or [])


def review_update_asked(session: Session, conversation: Conversation) -> bool:
    return (
        session.scalar(
            select(Event.id).where(
                Event.conversation_id == conversation.id,
                Event.kind == EventKind.review_update_requested.value,
            )
        )
        is not None
    )


def ask_review_update(
    session: Session, *, conversation: Conversation, actor: Principal, text: str | None = None
) -> None:
    """Politely ask the customer to update their public review, once, after resolution."""
    if not is_public(conversation):
        raise HTTPException(status.HTTP_409_CONFLICT, "only public posts have a review to update")
    if conversation.status != Status.resolved.value:
        raise HTTPException(
            status.HTTP_409_CONFLICT, "ask for a review update only after the case is resolved"
        )
    if review_update_asked(session, conversation):
        raise HTTPException(status.HTTP_409_CONFLICT, "the customer was already asked once")
    record_event(
        session, conversation=conversation, kind=EventKind.review_update_requested, actor=actor
    )
    # `reply` commits the request and this event together.
    reply(session, conversation=conversation, author=actor, text=text or REVIEW_REQUEST_KO)
