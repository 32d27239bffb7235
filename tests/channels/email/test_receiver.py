"""The SMTP receiver: a real SMTP exchange; 250 only for stored mail, clear codes otherwise."""

from __future__ import annotations

import smtplib
from email import policy
from email.message import EmailMessage

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.email.receiver import SmtpReceiver
from gonggam.config import Settings
from gonggam.conversations.models import Message
from gonggam.db import engine_for, session_factory
from tests.conftest import free_port

COMPLAINT = (
    "안녕하세요. 지난주 금요일에 주문한 무선 이어폰이 아직도 배송 준비중이에요;; "
    "다음주 출장 전에 꼭 받아야 하는데 언제 오는지 알려주세요ㅠㅠ"
)


def mail(
    text: str = COMPLAINT,
    *,
    message_id: str = "<order-4471@mail.example.kr>",
    sender: str = "김지현 <jihyun.kim@mail.example.kr>",
    subject: str = "배송 문의드립니다",
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "help@desk.example"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message.set_content(text)
    return message


def wire(message: EmailMessage) -> bytes:
    """The message as it travels in SMTP (CRLF line ends)."""
    return message.as_bytes(policy=policy.SMTP)


def exchange(receiver: SmtpReceiver, raw: bytes, *, sender: str = "jihyun.kim@mail.example.kr"):
    """One SMTP transaction; returns the server's answer to the message data."""
    with smtplib.SMTP(receiver.host, receiver.port, timeout=10) as client:
        client.ehlo()
        code, _ = client.mail(sender)
        assert code == 250
        code, _ = client.rcpt("help@desk.example")
        assert code == 250
        return client.data(raw)


def stored_message(factory: sessionmaker[Session], provider_id: str) -> Message:
    with factory() as session:
        return session.scalars(
            select(Message).where(Message.provider_message_id == provider_id)
        ).one()


def test_mail_is_in_the_conversation_when_the_server_says_250(
    receiver: SmtpReceiver, factory: sessionmaker[Session], api: TestClient
) -> None:
    with smtplib.SMTP(receiver.host, receiver.port, timeout=10) as client:
        refused = client.send_message(mail())
    assert refused == {}
    # Right after the 250: the message is committed, triaged and in the timeline.
    stored = stored_message(factory, "<order-4471@mail.example.kr>")
    conversation = api.get(f"/api/v1/conversations/{stored.conversation_id}").json()
    texts = [m["text"] for m in conversation["messages"] if m["direction"] == "in"]
    assert texts == [COMPLAINT]
    assert conversation["subject"] == "배송 문의드립니다"
    assert conversation["customer"]["email"] == "jihyun.kim@mail.example.kr"
    assert conversation["customer"]["name"] == "김지현"
    assert conversation["triage"]["intent"] == "delivery"


def test_a_redelivered_mail_is_stored_once(
    receiver: SmtpReceiver, factory: sessionmaker[Session]
) -> None:
    raw = wire(mail())
    first_code, first = exchange(receiver, raw)
    # The sending server did not hear our 250 (timeout) and delivers the same mail again.
    again_code, again = exchange(receiver, raw)
    assert (first_code, again_code) == (250, 250)
    assert b"Stored as message" in first
    assert b"Already stored" in again
    with factory() as session:
        count = session.scalar(select(func.count(Message.id)).where(Message.direction == "in"))
    assert count == 1


def test_mail_without_a_sender_is_refused_with_a_reason(receiver: SmtpReceiver) -> None:
    code, reply = exchange(receiver, b"Subject: hello\r\n\r\nno sender here\r\n")
    assert code == 554
    assert b"no sender address" in reply
    code, reply = exchange(
        receiver, b"From: x@" + b"a" * 300 + b".example\r\nSubject: hi\r\n\r\nhello\r\n"
    )
    assert code == 554
    assert b"sender address is not valid" in reply


def test_a_message_over_the_size_limit_is_refused(
    receiver: SmtpReceiver, email_settings: Settings
) -> None:
    message = mail("영수증 사진 첨부합니다.")
    photo = b"\x89PNG\r\n" + bytes(1_400_000)
    message.add_attachment(photo, maintype="image", subtype="png", filename="영수증.png")
    huge = wire(message)
    with smtplib.SMTP(receiver.host, receiver.port, timeout=10) as client:
        client.ehlo()
        # The server announces its limit; a client that ignores it is refused at DATA.
        assert int(client.esmtp_features["size"]) < len(huge)
        client.mail("jihyun.kim@mail.example.kr")
        client.rcpt("help@desk.example")
        code, reply = client.data(huge)
    assert code == 552, reply
    assert email_settings.email_max_message_bytes < len(huge)
    del reply


def test_a_database_failure_answers_451_so_the_sender_retries(
    email_settings: Settings, tmp_path_factory: object
) -> None:
    # A database without the desk's tables: storing fails after the message was read.
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="gonggam-broken-"))
    broken = session_factory(engine_for(f"sqlite:///{folder / 'empty.sqlite3'}"))
    with SmtpReceiver(broken, email_settings, port=free_port()) as down:
        code, reply = exchange(down, wire(mail()))
    assert code == 451
    assert b"try again later" in reply
    del tmp_path_factory
