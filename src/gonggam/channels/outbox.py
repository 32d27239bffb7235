"""The outbox: replies wait here until their channel's sender delivers them.

A reply is committed with its delivery row in the same transaction, so nothing an agent sends is
lost if the process dies. Background passes (`deliver_due`) claim due rows with a conditional
update, so several workers never send the same row at the same moment, then call the sender for
the message's channel. Failures are retried with growing pauses; a permanent failure, or the
last attempt, marks the reply failed and tells the agent in the timeline.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, lazyload, sessionmaker

from gonggam.channels.models import Delivery, DeliveryStatus
from gonggam.conversations.models import Conversation, Message
from gonggam.kit.clock import utcnow

log = logging.getLogger(__name__)

# Pause before attempt n+1 after n failures; after the last one the delivery has failed.
BACKOFF = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# A claimed row is left alone this long, so a worker that died mid-send is retried later.
LEASE = timedelta(minutes=5)


class DeliveryFailed(Exception):
    """Raised by a sender. `permanent` failures (bad address, refused URL) are not retried."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class DeliveryDeferred(Exception):
    """Raised by a sender too early to decide: tried again at `until`, no attempt used."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"deferred until {until.isoformat()}")
        self.until = until


class DeliveryWithdrawn(Exception):
    """Raised by a sender when the channel itself shows the message (a returning chat visitor).

    The delivery row is removed and the message stays 'queued' until the channel marks it.
    """


# Sends one message; returns the far end's id for it (or None). Raises DeliveryFailed.
Sender = Callable[[Session, Delivery, Message], str | None]

# Channel label → "module:function" of its sender. Each channel adapter adds its line here.
WEBHOOK_SENDER = "gonggam.channels.webhook.sender:send"
SENDERS: dict[str, str] = {
    "email": "gonggam.channels.email.outbound:send",
    "chat": "gonggam.channels.chat.outbound:send",
    "sms": WEBHOOK_SENDER,
    "kakao": WEBHOOK_SENDER,
    "naver": WEBHOOK_SENDER,
    "messenger": WEBHOOK_SENDER,
    "social": WEBHOOK_SENDER,
}
# Senders that answer through the configured channel the customer wrote from. A customer who
# did not arrive through one (e.g. an SMS entered by API) has nowhere to be answered
# automatically, so the reply stays 'queued' for a person to pass on.
CHANNEL_BOUND_SENDERS = frozenset({WEBHOOK_SENDER})


def sender_for(channel: str) -> Sender | None:
    """The sender for a channel label, or None when the channel has no outbound adapter."""
    target = SENDERS.get(channel)
    if target is None:
        return None
    module_name, _, function = target.partition(":")
    sender: Sender = getattr(importlib.import_module(module_name), function)
    return sender


def enqueue(session: Session, *, message: Message) -> Delivery | None:
    """Queue an outbound message for delivery, in the caller's transaction.

    Returns None when its channel has no outbound adapter (the reply stays 'queued' for a
    person to pass on, e.g. a walk-in customer).
    """
    target = SENDERS.get(message.channel)
    if target is None:
        return None
    channel_id = None
    if target in CHANNEL_BOUND_SENDERS:
        from gonggam.channels.webhook.origin import origin_channel

        origin = origin_channel(
            session, conversation_id=message.conversation_id, label=message.channel
        )
        if origin is None:
            return None
        channel_id = origin.id
    delivery = Delivery(
        message_id=message.id,
        conversation_id=message.conversation_id,
        channel=message.channel,
        channel_id=channel_id,
        next_attempt_at=utcnow(),
    )
    session.add(delivery)
    message.delivery_status = DeliveryStatus.queued.value
    return delivery


def deliver_due(
    factory: sessionmaker[Session],
    *,
    now: datetime | None = None,
    limit: int = 50,
    senders: Mapping[str, Sender] | None = None,
) -> int:
    """Try every due delivery once; returns how many were sent."""
    now = now or utcnow()
    with factory() as session:
        due = list(
            session.scalars(
                select(Delivery.id)
                .where(
                    Delivery.status == DeliveryStatus.queued.value,
                    Delivery.next_attempt_at <= now,
                )
                .order_by(Delivery.next_attempt_at)
                .limit(limit)
            )
        )
    sent = 0
    for delivery_id in due:
        sent += _attempt(factory, delivery_id, now=now, senders=senders)
    return sent


def _claim(session: Session, delivery_id: int, now: datetime) -> bool:
    claimed = session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.status == DeliveryStatus.queued.value,
            Delivery.next_attempt_at <= now,
        )
        .values(next_attempt_at=now + LEASE, attempts=Delivery.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return bool(getattr(claimed, "rowcount", 0))


def _attempt(
    factory: sessionmaker[Session],
    delivery_id: int,
    *,
    now: datetime,
    senders: Mapping[str, Sender] | None,
) -> int:
    with factory() as session:
        if not _claim(session, delivery_id, now):
            return 0  # another worker has it
        delivery = session.get_one(Delivery, delivery_id)
        message = session.get_one(Message, delivery.message_id, options=[lazyload("*")])
        sender = senders.get(delivery.channel) if senders is not None else None
        sender = sender or sender_for(delivery.channel)
        try:
            if sender is None:
                raise DeliveryFailed(f"no sender for channel {delivery.channel!r}", permanent=True)
            provider_id = sender(session, delivery, message)
        except DeliveryDeferred as deferred:
            delivery.attempts -= 1
            delivery.next_attempt_at = deferred.until
            session.commit()
            return 0
        except DeliveryWithdrawn:
            session.delete(delivery)
            session.commit()
            return 0
        except DeliveryFailed as failure:
            _failed(session, delivery, message, failure.reason, permanent=failure.permanent)
            return 0
        except Exception as error:  # a sender bug must not stop the other deliveries
            log.exception("sender for %s crashed on delivery %s", delivery.channel, delivery.id)
            _failed(session, delivery, message, f"{type(error).__name__}: {error}", permanent=False)
            return 0
        delivery.status = DeliveryStatus.sent.value
        delivery.sent_at = utcnow()
        delivery.provider_id = provider_id
        delivery.last_error = None
        message.delivery_status = DeliveryStatus.sent.value
        session.commit()
        return 1


def _failed(
    session: Session, delivery: Delivery, message: Message, reason: str, *, permanent: bool
) -> None:
    from gonggam.conversations.models import EventKind
    from gonggam.conversations.service import record_event

    delivery.last_error = reason[:2000]
    if permanent or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.failed.value
        message.delivery_status = DeliveryStatus.failed.value
        conversation = session.get_one(Conversation, delivery.conversation_id)
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.delivery_failed,
            actor=None,
            message_id=message.id,
            channel=delivery.channel,
            attempts=delivery.attempts,
            reason=delivery.last_error,
        )
    else:
        delivery.next_attempt_at = utcnow() + BACKOFF[delivery.attempts - 1]
    session.commit()


def deliver_pass(factory: sessionmaker[Session]) -> int:
    """The background pass: deliver what is due."""
    return deliver_due(factory)
