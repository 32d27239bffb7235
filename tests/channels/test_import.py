"""Zendesk and Freshdesk imports: original times, replies and notes, idempotent, bad rows named."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from gonggam.channels.importers import freshdesk, zendesk
from gonggam.channels.importers.records import BadRow, Ticket
from gonggam.channels.importers.service import Outcome, import_ticket
from gonggam.channels.models import Delivery
from gonggam.cli import app as cli
from gonggam.config import get_settings
from gonggam.conversations.models import Conversation, Event, Message
from gonggam.db import engine_for, session_factory

DATA = Path(__file__).parent.parent / "data"


def rows(name: str) -> list[Ticket | BadRow]:
    export = json.loads((DATA / name).read_text(encoding="utf-8"))
    reader = zendesk.read if name.startswith("zendesk") else freshdesk.read
    return list(reader(export))


def import_all(factory: sessionmaker[Session], name: str) -> list[Outcome]:
    return [import_ticket(factory, r).outcome for r in rows(name) if isinstance(r, Ticket)]


def test_zendesk_tickets_keep_their_times_replies_and_notes(
    factory: sessionmaker[Session],
) -> None:
    bad = [r for r in rows("zendesk_export.json") if isinstance(r, BadRow)]
    assert [b.reference for b in bad] == ["ticket 3103"] and "9999" in bad[0].reason
    assert import_all(factory, "zendesk_export.json") == [Outcome.imported, Outcome.imported]

    with factory() as session:
        first = session.scalars(
            select(Message).where(Message.provider_message_id == "zendesk:3101:50011")
        ).one()
        assert first.created_at == datetime(2025, 3, 2, 1, 12, tzinfo=UTC)
        assert first.direction == "in" and first.triage is not None
        conversation = session.get_one(Conversation, first.conversation_id)
        messages = list(
            session.scalars(
                select(Message)
                .where(Message.conversation_id == conversation.id)
                .order_by(Message.created_at)
            )
        )
        assert [m.direction for m in messages] == ["in", "out", "note", "in"]
        reply = messages[1]
        assert reply.created_at == datetime(2025, 3, 2, 2, 5, tzinfo=UTC)
        assert reply.delivery_status == "sent"
        assert conversation.status == "closed" and conversation.subject == "환불 요청드립니다"
        assert conversation.first_response_at == reply.created_at
        assert set(conversation.tags) >= {"환불", "vip"}
        replied = session.scalars(select(Event).where(Event.kind == "reply_sent")).one()
        assert replied.actor_label == "yujin@old-desk.example"
        assert replied.created_at == reply.created_at
        # History is not sent to the customer again.
        assert session.scalar(select(func.count(Delivery.id))) == 0
        second = session.scalars(
            select(Conversation).where(Conversation.id != conversation.id)
        ).one()
        assert second.status == "open" and second.waiting_since is not None


def test_reimport_changes_nothing(factory: sessionmaker[Session]) -> None:
    import_all(factory, "zendesk_export.json")
    with factory() as session:
        before = (
            session.scalar(select(func.count(Message.id))),
            session.scalar(select(func.count(Event.id))),
        )
    assert import_all(factory, "zendesk_export.json") == [Outcome.skipped, Outcome.skipped]
    with factory() as session:
        after = (
            session.scalar(select(func.count(Message.id))),
            session.scalar(select(func.count(Event.id))),
        )
    assert after == before


def test_freshdesk_description_conversations_and_contacts(
    factory: sessionmaker[Session],
) -> None:
    bad = [r for r in rows("freshdesk_export.json") if isinstance(r, BadRow)]
    assert [b.reference for b in bad] == ["ticket 79"] and "time zone" in bad[0].reason
    assert import_all(factory, "freshdesk_export.json") == [Outcome.imported, Outcome.imported]
    with factory() as session:
        description = session.scalars(
            select(Message).where(Message.provider_message_id == "freshdesk:77:description")
        ).one()
        assert description.created_at == datetime(2024, 11, 20, 5, 30, tzinfo=UTC)
        kinds = [
            m.direction
            for m in session.scalars(
                select(Message)
                .where(Message.conversation_id == description.conversation_id)
                .order_by(Message.created_at)
            )
        ]
        assert kinds == ["in", "out", "note", "in"]
        phone_only = session.scalars(
            select(Message).where(Message.provider_message_id == "freshdesk:78:description")
        ).one()
        assert phone_only.channel == "freshdesk"
    assert import_all(factory, "freshdesk_export.json") == [Outcome.skipped, Outcome.skipped]


def test_cli_import_shows_a_summary_and_reports_bad_rows(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GONGGAM_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        result = runner.invoke(cli, ["import", "zendesk", str(DATA / "zendesk_export.json")])
        assert result.exit_code == 0, result.output
        assert "imported" in result.output and "ticket 3103" in result.output
        again = runner.invoke(cli, ["import", "zendesk", str(DATA / "zendesk_export.json")])
        assert again.exit_code == 0
        assert "skipped" in again.output
        wrong = runner.invoke(cli, ["import", "freshdesk", str(DATA / "coach_dev.jsonl")])
        assert wrong.exit_code == 2 and "cannot read" in wrong.output
    finally:
        get_settings.cache_clear()
    factory = session_factory(engine_for(sqlite_url))
    with factory() as session:
        assert session.scalar(select(func.count(Conversation.id))) == 2
