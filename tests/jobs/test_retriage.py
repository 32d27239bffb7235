"""A message stored while triage was failing gets analysed by the worker's pass."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations import pipeline
from gonggam.conversations.models import Conversation, Message
from gonggam.conversations.pipeline import InboundMessage, ingest
from gonggam.customers.service import CustomerRef
from gonggam.jobs.retriage import retriage_pending
from gonggam.kit.clock import utcnow


def test_failed_triage_is_finished_later(
    factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("analyzer unavailable")

    monkeypatch.setattr(pipeline, "desk_analysis", broken)
    received = utcnow() - timedelta(minutes=5)
    result = ingest(
        factory,
        InboundMessage(
            channel="sms",
            text="카드 결제가 두 번 됐어요. 010-2222-3333으로 연락 주세요",
            customer=CustomerRef(phone="010-2222-3333"),
            received_at=received,
        ),
    )
    with factory() as session:
        message = session.get(Message, result.message_id)
        assert message is not None and message.triage is None  # stored, not analysed

    monkeypatch.undo()
    assert retriage_pending(factory) == 1
    assert retriage_pending(factory) == 0  # nothing left, nothing done twice
    with factory() as session:
        message = session.get(Message, result.message_id)
        conversation = session.get(Conversation, result.conversation_id)
        assert message is not None and message.triage is not None
        assert "2222-3333" not in (message.masked_text or "")
        assert conversation is not None and conversation.triage is not None


def test_run_due_keeps_intervals_and_survives_a_failing_pass() -> None:
    from gonggam.jobs.passes import Pass, run_due

    calls: list[str] = []

    def broken(_factory: object) -> int:
        calls.append("broken")
        raise RuntimeError("database went away")

    def counting(_factory: object) -> int:
        calls.append("counting")
        return 3

    passes = [Pass("broken", 5.0, broken), Pass("counting", 60.0, counting)]
    assert run_due(None, passes, now=100.0) == {"counting": 3}  # type: ignore[arg-type]
    assert run_due(None, passes, now=106.0) == {}  # type: ignore[arg-type]
    assert calls == ["broken", "counting", "broken"]
