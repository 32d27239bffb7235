"""Real SMTP parts for e-mail tests: the desk's receiver and a relay that records what it gets."""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from gonggam.channels.email.receiver import SmtpReceiver
from gonggam.config import Settings
from tests.conftest import free_port, make_settings


@pytest.fixture
def email_settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url).model_copy(
        update={
            "attachments_dir": str(tmp_path / "attachments"),
            "email_max_attachment_bytes": 200_000,
            "email_max_message_bytes": 500_000,
            "mail_from": "공감 고객센터 <help@desk.example>",
        }
    )


@pytest.fixture
def receiver(factory: sessionmaker[DbSession], email_settings: Settings) -> Iterator[SmtpReceiver]:
    with SmtpReceiver(factory, email_settings, port=free_port()) as running:
        yield running


class Relay:
    """An SMTP relay that keeps every message, and refuses the next ones when told to."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refusals: list[str] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        del server, session
        if self.refusals:
            return self.refusals.pop(0)
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(message)
        self.envelopes.append((envelope.mail_from or "", list(envelope.rcpt_tos)))
        return "250 2.0.0 queued"


@pytest.fixture
def relay() -> Iterator[tuple[Relay, int]]:
    handler = Relay()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()
