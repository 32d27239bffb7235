"""IMAP polling against a real IMAP server (pymap's in-memory backend, over TCP)."""

from __future__ import annotations

import imaplib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.email.models import ImapCursor
from gonggam.channels.email.tasks import poll_mailbox
from gonggam.config import Settings
from gonggam.conversations.models import Message
from tests.conftest import free_port

PYMAP = Path(sys.executable).with_name("pymap")

pytestmark = pytest.mark.skipif(
    not PYMAP.exists() and shutil.which("pymap") is None, reason="needs the pymap IMAP server"
)


@pytest.fixture
def imap_server() -> Iterator[int]:
    port = free_port()
    process = subprocess.Popen(
        [
            str(PYMAP),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-tls",
            "dict",
            "--demo-user",
            "desk",
            "--demo-password",
            "mailbox-password",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("the IMAP server did not start")
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)


def deliver_to_mailbox(port: int, text: str, message_id: str, subject: str) -> None:
    """Another mail server's delivery: the message appears in the desk's mailbox."""
    mail = EmailMessage()
    mail["From"] = "임도현 <dohyun@mail.example>"
    mail["To"] = "help@desk.example"
    mail["Subject"] = subject
    mail["Message-ID"] = message_id
    mail.set_content(text)
    client = imaplib.IMAP4("127.0.0.1", port)
    client.login("desk", "mailbox-password")
    status, _ = client.append("INBOX", None, None, mail.as_bytes())
    assert status == "OK"
    client.logout()


def inbound_count(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count(Message.id)).where(Message.direction == "in")))


def test_polling_takes_each_new_mail_once(
    imap_server: int, factory: sessionmaker[Session], email_settings: Settings
) -> None:
    settings = email_settings.model_copy(
        update={
            "imap_host": "127.0.0.1",
            "imap_port": imap_server,
            "imap_ssl": False,
            "imap_user": "desk",
            "imap_password": "mailbox-password",
        }
    )
    deliver_to_mailbox(
        imap_server, "택배 송장번호가 조회가 안 돼요", "<imap-1@mail.example>", "송장 조회"
    )
    deliver_to_mailbox(
        imap_server, "그리고 주소도 바꾸고 싶어요", "<imap-2@mail.example>", "주소 변경"
    )
    assert poll_mailbox(factory, settings) == 2
    assert poll_mailbox(factory, settings) == 0
    deliver_to_mailbox(imap_server, "오늘 안에 답 주세요!!", "<imap-3@mail.example>", "급해요")
    assert poll_mailbox(factory, settings) == 1
    assert inbound_count(factory) == 3

    # The server renumbered the mailbox: everything is read again, nothing is stored twice.
    with factory() as session:
        session.execute(update(ImapCursor).values(uidvalidity=1))
        session.commit()
    assert poll_mailbox(factory, settings) == 0
    assert inbound_count(factory) == 3
    with factory() as session:
        cursor = session.scalars(select(ImapCursor)).one()
        assert cursor.uidvalidity != 1 and cursor.last_uid > 0
