"""Storage guarantees on SQLite and PostgreSQL: nothing lost, duplicated or rewritten."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import AppendOnlyError, Event, Message
from gonggam.conversations.pipeline import InboundMessage, ingest
from gonggam.customers.service import CustomerRef
from gonggam.tables import metadata


def inbound(text: str, key: str | None = None, **customer: str) -> InboundMessage:
    return InboundMessage(
        channel="sms",
        text=text,
        idempotency_key=key,
        customer=CustomerRef(**(customer or {"phone": "010-9999-0000"})),
    )


def test_migrations_match_the_models(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        context = MigrationContext.configure(session.connection())
        assert compare_metadata(context, metadata) == []


def test_message_is_committed_before_ingest_returns(factory: sessionmaker[Session]) -> None:
    result = ingest(factory, inbound("결제 취소가 안 돼요"))
    # A brand-new session (another process, after a crash) sees the message.
    with factory() as session:
        message = session.get(Message, result.message_id)
        assert message is not None and message.text == "결제 취소가 안 돼요"


def test_concurrent_redeliveries_store_one_message(factory: sessionmaker[Session]) -> None:
    def deliver(_: int) -> tuple[int, int]:
        result = ingest(
            factory, inbound("환불 요청합니다", key="provider-42", phone="010-3333-4444")
        )
        return result.conversation_id, result.message_id

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = set(pool.map(deliver, range(8)))
    assert len(answers) == 1
    with factory() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Message)
            .where(Message.idempotency_key == "provider-42")
        )
        assert count == 1


def test_timeline_events_are_append_only(factory: sessionmaker[Session]) -> None:
    ingest(factory, inbound("배송 문의"))
    with factory() as session:
        event = session.scalars(select(Event)).first()
        assert event is not None
        event.kind = "rewritten"
        with pytest.raises(AppendOnlyError):
            session.flush()
        session.rollback()
        with pytest.raises(AppendOnlyError):
            session.delete(event)
            session.flush()


def test_timestamps_come_back_aware_and_exact(factory: sessionmaker[Session]) -> None:
    seoul = timezone(timedelta(hours=9))
    sent = datetime(2026, 3, 1, 9, 30, tzinfo=seoul)
    result = ingest(
        factory,
        InboundMessage(
            channel="email",
            text="삼일절 배송 되나요?",
            customer=CustomerRef(email="kst@example.kr"),
            received_at=sent,
        ),
    )
    with factory() as session:
        message = session.get(Message, result.message_id)
        assert message is not None
        assert message.created_at.tzinfo is not None
        assert message.created_at == sent
        assert message.created_at.astimezone(UTC).hour == 0
