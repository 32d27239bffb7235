"""One customer, one timeline: e-mail, chat and SMS through the real adapters, answered on SMS."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.app import create_app
from gonggam.channels import outbox
from gonggam.channels.chat.token import sign as sign_widget
from gonggam.channels.email.receiver import SmtpReceiver
from gonggam.channels.signing import SIGNATURE_HEADER, sign
from gonggam.config import Settings
from gonggam.conversations.models import Conversation, Message
from gonggam.kit.clock import utcnow
from tests.channels.chat_client import Widget
from tests.channels.receiver import ProviderReceiver
from tests.channels.test_webhook import signed_post
from tests.conftest import API_TOKEN, LiveServer, free_port, make_settings

WIDGET_SECRET = "shop-widget-secret-0123456789"
SMS_SECRET = "sms-provider-secret-0123456789"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
ADDRESS = "kim.minji@example.com"
PHONE = "010-2233-4455"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url).model_copy(
        update={
            "widget_secret": WIDGET_SECRET,
            "live_poll_seconds": 0.05,
            "attachments_dir": str(tmp_path / "attachments"),
            "mail_from": "공감 고객센터 <help@desk.example>",
        }
    )


@pytest.fixture
def server(settings: Settings) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings)) as live:
        yield live


def write_email(port: int) -> None:
    mail = EmailMessage()
    mail["From"] = f"김민지 <{ADDRESS}>"
    mail["To"] = "help@desk.example"
    mail["Subject"] = "주문한 가습기가 작동을 안 해요"
    mail["Message-ID"] = "<first-mail.minji@example.com>"
    mail.set_content(
        "안녕하세요, 지난주에 주문한 가습기가 전원이 안 켜집니다.\n"
        "교환이나 환불 부탁드려요.\n\n김민지 드림"
    )
    with smtplib.SMTP("127.0.0.1", port, timeout=15) as smtp:
        smtp.send_message(mail)


def test_email_then_chat_then_sms_is_one_customer_answered_on_sms(
    server: LiveServer, settings: Settings, factory: sessionmaker[Session]
) -> None:
    with SmtpReceiver(factory, settings, port=free_port()) as receiver:
        write_email(receiver.port)

    # The shop's site signs who is logged in: the same e-mail, and the phone number they gave.
    expires = int((utcnow() + timedelta(minutes=30)).timestamp())
    token = sign_widget(
        WIDGET_SECRET, external_id="shop-77", expires_at=expires, email=ADDRESS, phone=PHONE
    )
    widget = Widget(server, token=token)
    widget.open()
    widget.say("메일 보냈는데 답이 없어서 채팅 남겨요. 가습기 교환 접수됐나요?")
    widget.close()

    with (
        ProviderReceiver() as provider,
        httpx.Client(base_url=server.url, headers=AUTH, timeout=30) as client,
    ):
        created = client.post(
            "/api/v1/channels",
            json={
                "name": "shop-sms",
                "kind": "sms",
                "display_name": "문자",
                "secret": SMS_SECRET,
                "outbound_url": provider.url,
                "allow_private_outbound": True,
            },
        )
        assert created.status_code == 201, created.text
        sms = {
            "message_id": "SM-0001",
            "from": {"id": "sender-4455", "phone": PHONE},
            "text": "지금 외출 중이라 문자로 남겨요. 교환 진행 상황 알려주세요",
        }
        stored = signed_post(client, "/api/v1/channels/shop-sms/webhook", sms, SMS_SECRET)
        assert stored.status_code == 201, stored.text
        customer_id = stored.json()["customer_id"]

        with factory() as session:
            senders = set(session.scalars(select(Message.customer_id)))
            conversations = session.scalars(select(Conversation)).all()
        assert senders == {customer_id}
        assert [c.status for c in conversations] == ["open"]

        timeline = client.get(f"/api/v1/customers/{customer_id}/timeline")
        assert timeline.status_code == 200, timeline.text
        entries = timeline.json()["entries"]
        # What the customer wrote (the desk's own e-mail acknowledgement is there too).
        messages = [e["message"] for e in entries if e["type"] == "message"]
        messages = [m for m in messages if m["direction"] == "in"]
        assert [m["channel"] for m in messages] == ["email", "chat", "sms"]
        assert [m["created_at"] for m in messages] == sorted(m["created_at"] for m in messages)
        assert "가습기" in messages[0]["text"] and "문자로" in messages[2]["text"]

        answer = "김민지 고객님, 가습기 교환 접수 완료되었습니다. 내일 새 제품이 발송됩니다."
        replied = client.post(
            f"/api/v1/conversations/{conversations[0].id}/reply", json={"text": answer}
        )
        assert replied.status_code == 201, replied.text
        assert outbox.deliver_due(factory) == 1

    # The customer last wrote by SMS, so the answer reached the SMS provider, signed.
    [received] = provider.received
    assert received.headers[SIGNATURE_HEADER] == sign(SMS_SECRET, received.body)
    assert received.json()["text"] == answer
    assert received.json()["to"] == {"id": "sender-4455", "phone": "+821022334455"}
    with factory() as session:
        sent = session.scalars(
            select(Message).where(Message.direction == "out", Message.text == answer)
        ).one()
    assert (sent.channel, sent.delivery_status) == ("sms", "sent")
