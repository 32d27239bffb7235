"""The ingest pipeline: how one inbound message flows through gonggam, in order.

    receive → persist (commit) → mask PII → triage → route → notify

Every channel adapter (API, e-mail, chat, webhooks, voice, imports) hands an InboundMessage to
`ingest`. The message is committed before anything that can fail slowly or oddly (analysis,
routing), so a sender is only acknowledged for a stored message and a crash later loses nothing.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, lazyload, sessionmaker

from gonggam.conversations.aggregate import merge_triage
from gonggam.conversations.models import (
    Conversation,
    Direction,
    EventKind,
    Message,
    Status,
)
from gonggam.conversations.service import record_event
from gonggam.corrections.learning import desk_analysis
from gonggam.customers.service import CustomerRef, resolve
from gonggam.flags.service import after_triage as flag_after_triage
from gonggam.kit.clock import utcnow
from gonggam.kit.html import sanitize_html
from gonggam.protection.service import after_triage
from gonggam.reports import prometheus
from gonggam.routing.service import route

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundMessage:
    """A customer's message as a channel adapter received it."""

    channel: str
    text: str
    customer: CustomerRef
    idempotency_key: str | None = None
    provider_message_id: str | None = None
    html: str | None = None
    subject: str | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    received_at: datetime | None = None
    # A channel's threading hint (e.g. an e-mail's In-Reply-To). Honoured only when that
    # conversation belongs to the same customer and is not closed; else the default applies.
    conversation_id: int | None = None
    # An out-of-office reply or bulk mail: kept in the timeline, but it neither re-opens a
    # resolved or pending conversation nor makes the desk wait for an answer.
    automatic: bool = False


@dataclass(frozen=True)
class IngestResult:
    conversation_id: int
    message_id: int
    customer_id: int
    duplicate: bool


def ingest(factory: sessionmaker[Session], inbound: InboundMessage) -> IngestResult:
    """Run one inbound message through every stage; returns once it is triaged and routed."""
    started = time.perf_counter()
    result = _persist(factory, inbound)
    if result.duplicate:
        prometheus.DUPLICATES.labels(channel=inbound.channel).inc()
        return result
    try:
        _analyse_and_route(factory, result, inbound)
    except Exception:
        # The message is committed; a later triage pass can still analyse it.
        log.exception("triage/routing failed for message %s", result.message_id)
        prometheus.PIPELINE_FAILURES.labels(stage="triage_route").inc()
    # notify: the committed message and events are the notification; live views poll the log.
    prometheus.INGESTED.labels(channel=inbound.channel).inc()
    prometheus.INGEST_SECONDS.observe(time.perf_counter() - started)
    return result


def _find_duplicate(session: Session, inbound: InboundMessage) -> Message | None:
    if inbound.idempotency_key:
        found = session.scalar(
            select(Message).where(
                Message.channel == inbound.channel,
                Message.idempotency_key == inbound.idempotency_key,
            )
        )
        if found is not None:
            return found
    if inbound.provider_message_id:
        return session.scalar(
            select(Message).where(
                Message.channel == inbound.channel,
                Message.provider_message_id == inbound.provider_message_id,
            )
        )
    return None


def _duplicate_result(message: Message) -> IngestResult:
    return IngestResult(message.conversation_id, message.id, message.customer_id, duplicate=True)


def _persist(factory: sessionmaker[Session], inbound: InboundMessage) -> IngestResult:
    """receive + persist: customer, conversation and message, committed together."""
    with factory() as session:
        existing = _find_duplicate(session, inbound)
        if existing is not None:
            return _duplicate_result(existing)
        try:
            result = _store(session, inbound)
            session.commit()
            return result
        except IntegrityError:
            # A concurrent delivery of the same message won the race; answer with its ids.
            session.rollback()
            existing = _find_duplicate(session, inbound)
            if existing is None:
                raise
            return _duplicate_result(existing)


def _store(session: Session, inbound: InboundMessage) -> IngestResult:
    now = inbound.received_at or utcnow()
    customer = resolve(session, ref=inbound.customer, channel=inbound.channel)
    conversation = _conversation_for(session, customer_id=customer.id, inbound=inbound, now=now)
    message = Message(
        conversation_id=conversation.id,
        customer_id=customer.id,
        direction=Direction.inbound.value,
        channel=inbound.channel,
        text=inbound.text,
        html=sanitize_html(inbound.html) if inbound.html else None,
        attachments=inbound.attachments,
        provider_message_id=inbound.provider_message_id,
        idempotency_key=inbound.idempotency_key,
        created_at=now,
    )
    session.add(message)
    conversation.last_message_at = now
    if conversation.waiting_since is None and not inbound.automatic:
        conversation.waiting_since = now
    session.flush()
    return IngestResult(conversation.id, message.id, customer.id, duplicate=False)


def _hinted_conversation(
    session: Session, *, customer_id: int, inbound: InboundMessage
) -> Conversation | None:
    """The conversation a channel says this message continues, if it may be continued."""
    if inbound.conversation_id is None:
        return None
    hinted = session.get(Conversation, inbound.conversation_id, options=[lazyload("*")])
    if hinted is None or hinted.customer_id != customer_id or hinted.status == Status.closed.value:
        return None
    return hinted


def _conversation_for(
    session: Session, *, customer_id: int, inbound: InboundMessage, now: datetime
) -> Conversation:
    """The customer's current conversation on any channel, re-opened if resolved; else a new one.

    One conversation per customer across channels is what spares them repeating their story.
    A channel's hint (`inbound.conversation_id`) picks among the customer's open ones.
    """
    current = _hinted_conversation(session, customer_id=customer_id, inbound=inbound)
    if current is None:
        current = session.scalar(
            select(Conversation)
            .options(lazyload("*"))
            .where(
                Conversation.customer_id == customer_id,
                Conversation.status != Status.closed.value,
            )
            .order_by(Conversation.id.desc())
            .limit(1)
        )
    if current is not None:
        if (
            current.status in (Status.resolved.value, Status.pending.value)
            and not inbound.automatic
        ):
            kind = (
                EventKind.reopened
                if current.status == Status.resolved.value
                else EventKind.status_changed
            )
            record_event(
                session,
                conversation=current,
                kind=kind,
                actor=None,
                at=now,
                old=current.status,
                new=Status.open.value,
                reason="customer wrote again",
            )
            current.status = Status.open.value
            current.resolved_at = None
        return current
    conversation = Conversation(
        customer_id=customer_id,
        channel=inbound.channel,
        status=Status.open.value,
        subject=inbound.subject,
        created_at=now,
        last_message_at=now,
    )
    session.add(conversation)
    session.flush()
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.created,
        actor=None,
        at=now,
        channel=inbound.channel,
    )
    return conversation


def _analyse_and_route(
    factory: sessionmaker[Session], result: IngestResult, inbound: InboundMessage
) -> None:
    """mask PII + triage (pure, outside any transaction) + route, in a second transaction."""
    analysis = desk_analysis(factory, inbound.text, channel=inbound.channel).to_dict()
    with factory() as session:
        # Only the rows themselves: routing needs no customer, team or author joins.
        message = session.get(Message, result.message_id, options=[lazyload("*")])
        conversation = session.get(Conversation, result.conversation_id, options=[lazyload("*")])
        if message is None or conversation is None:
            raise LookupError(f"message {result.message_id} vanished after commit")
        message.masked_text = str(analysis["masked_text"])
        message.triage = analysis
        conversation.triage = merge_triage(conversation.triage, analysis)
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.triaged,
            actor=None,
            at=message.created_at,
            message_id=message.id,
            **{
                k: analysis[k]
                for k in ("intent", "emotion", "intensity", "urgency", "customer_type", "abusive")
            },
        )
        # Protection may route a restricted customer, warn or end; flags may raise priority.
        after_triage(session, conversation=conversation, message=message, analysis=analysis)
        flag_after_triage(session, conversation=conversation, at=message.created_at)
        route(session, conversation=conversation, triage=analysis, at=message.created_at)
        session.commit()


def retriage(factory: sessionmaker[Session], *, message_id: int) -> bool:
    """Run mask PII → triage → route again for a stored message whose analysis failed.

    Returns False when there is nothing to do (unknown message, or already analysed).
    """
    with factory() as session:
        message = session.get(Message, message_id, options=[lazyload("*")])
        if message is None or message.triage is not None:
            return False
        result = IngestResult(message.conversation_id, message.id, message.customer_id, False)
        inbound = InboundMessage(channel=message.channel, text=message.text, customer=CustomerRef())
    _analyse_and_route(factory, result, inbound)
    return True
