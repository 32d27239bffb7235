"""What the chat socket does, as plain synchronous verbs (run in the thread pool).

Every read goes to the database, so any app process can serve any widget and a widget that
reconnects to another process resumes exactly where it stopped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.chat.presence import agents_available
from gonggam.channels.chat.token import TokenRefused, verify
from gonggam.conversations.models import Conversation, Direction, Message, Status
from gonggam.conversations.pipeline import InboundMessage, IngestResult, ingest
from gonggam.customers.identity import InvalidIdentity, external_identity
from gonggam.customers.models import Customer, IdentityKind
from gonggam.customers.service import CustomerRef, add_contact, find_by_identity, resolve
from gonggam.routing.waittime import wait_for_conversation

CHANNEL = "chat"
MAX_CHAT_TEXT = 5000
HISTORY_LIMIT = 200
_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class ChatRefused(ValueError):
    """A widget request that is refused; `code` is stable for the widget, the text for people."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Visitor:
    """Who is on the other end of a socket, as the pipeline will name them."""

    ref: CustomerRef
    # Scopes the widget's own message ids, so one visitor cannot collide with another's.
    scope: str
    signed: bool

    @property
    def identity(self) -> str:
        return external_identity(CHANNEL, self.ref.external_id or "")


def visitor_for(*, visitor_id: object, token: object, secret: str | None) -> Visitor:
    """The visitor from the widget's hello: a signed host-site identity, else the random id."""
    if token:
        if not isinstance(token, str):
            raise ChatRefused("bad_token", "the identity token must be a string")
        try:
            who = verify(secret, token)
        except TokenRefused as refused:
            raise ChatRefused("bad_token", f"identity token refused: {refused}") from refused
        ref = CustomerRef(
            name=who.name,
            email=who.email,
            phone=who.phone,
            external_id=f"user:{who.external_id}",
            email_verified=who.email is not None,
        )
        try:
            ref.links(CHANNEL)
        except InvalidIdentity as error:
            raise ChatRefused("bad_token", f"identity token refused: {error}") from error
        return Visitor(ref=ref, scope=f"u:{who.external_id}", signed=True)
    if not isinstance(visitor_id, str) or not _ID.match(visitor_id):
        raise ChatRefused("bad_visitor", "a visitor id of 8-64 letters, digits, - or _ is needed")
    # An anonymous visitor is only their random id: a typed e-mail never opens someone's history.
    return Visitor(
        ref=CustomerRef(external_id=f"visitor:{visitor_id}"), scope=f"v:{visitor_id}", signed=False
    )


def client_message_id(value: object) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ChatRefused("bad_client_id", "each message needs an id of 8-64 letters or digits")
    return value


def send(
    factory: sessionmaker[Session], *, visitor: Visitor, client_id: str, text: object
) -> IngestResult:
    """Store the visitor's message (committed when this returns); a repeated id is stored once."""
    if not isinstance(text, str) or not text.strip():
        raise ChatRefused("empty", "the message is empty")
    if len(text) > MAX_CHAT_TEXT:
        raise ChatRefused("too_long", f"a chat message holds at most {MAX_CHAT_TEXT} characters")
    return ingest(
        factory,
        InboundMessage(
            channel=CHANNEL,
            text=text.strip(),
            customer=visitor.ref,
            idempotency_key=f"{visitor.scope}:{client_id}",
        ),
    )


def customer_of(session: Session, visitor: Visitor) -> Customer | None:
    """The customer behind the visitor, if they have written before (merges followed)."""
    return find_by_identity(session, kind=IdentityKind.external, value=visitor.identity)


def leave_contact(factory: sessionmaker[Session], *, visitor: Visitor, email: object) -> None:
    """Keep an e-mail address the visitor left for the answer (unverified)."""
    if not isinstance(email, str):
        raise ChatRefused("bad_email", "not an e-mail address")
    with factory() as session:
        customer = resolve(session, ref=visitor.ref, channel=CHANNEL)
        try:
            add_contact(session, customer=customer, email=email, channel=CHANNEL)
        except ValueError as error:
            raise ChatRefused("bad_email", "not an e-mail address") from error
        session.commit()


def _client_id(message: Message, scope: str) -> str | None:
    key = message.idempotency_key or ""
    return key[len(scope) + 1 :] if key.startswith(scope + ":") else None


def history(session: Session, *, visitor: Visitor, after: int) -> list[dict[str, Any]]:
    """The visitor's chat messages and the agents' chat replies after message id `after`."""
    customer = customer_of(session, visitor)
    if customer is None:
        return []
    query = select(Message).where(
        Message.customer_id == customer.id,
        Message.channel == CHANNEL,
        Message.direction.in_((Direction.inbound.value, Direction.outbound.value)),
        Message.id > after,
    )
    if after == 0:  # a fresh page shows the latest stretch of the conversation
        latest = session.scalars(query.order_by(Message.id.desc()).limit(HISTORY_LIMIT))
        rows = sorted(latest, key=lambda m: m.id)
    else:
        rows = list(session.scalars(query.order_by(Message.id).limit(HISTORY_LIMIT)))
    return [
        {
            "type": "message",
            "id": m.id,
            "direction": m.direction,
            # Customers see their own words and the agent's as written (masking is for agents).
            "text": m.text,
            "author": m.author.name if m.author else None,
            "client_id": _client_id(m, visitor.scope) if m.direction == "in" else None,
            "created_at": m.created_at.isoformat(),
        }
        for m in rows
    ]


def mark_delivered(session: Session, *, message_ids: list[int]) -> None:
    """Replies pushed to a connected widget have reached the customer."""
    if message_ids:
        session.execute(
            update(Message)
            .where(Message.id.in_(message_ids), Message.delivery_status == "queued")
            .values(delivery_status="sent")
            .execution_options(synchronize_session=False)
        )
        session.commit()


def status(session: Session, *, visitor: Visitor) -> dict[str, Any]:
    """Whether agents are around, and where the visitor waits while nobody has answered."""
    position: int | None = None
    seconds: int | None = None
    customer = customer_of(session, visitor)
    if customer is not None:
        conversation = session.scalar(
            select(Conversation)
            .where(
                Conversation.customer_id == customer.id,
                Conversation.status != Status.closed.value,
            )
            .order_by(Conversation.id.desc())
            .limit(1)
        )
        if conversation is not None:
            wait = wait_for_conversation(session, conversation=conversation)
            position, seconds = wait.position, wait.estimated_wait_seconds
    return {
        "type": "status",
        "agents_online": agents_available(session),
        "position": position,
        "estimated_wait_seconds": seconds,
    }
