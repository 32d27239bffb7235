"""A chat reply follows a customer who left the widget by e-mail, once, through the outbox."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.app import create_app
from gonggam.channels import outbox
from gonggam.channels.chat import outbound, visits
from gonggam.channels.email.receiver import SmtpReceiver
from gonggam.channels.models import Delivery
from gonggam.config import Settings
from gonggam.conversations.models import Event, Message
from gonggam.kit.clock import utcnow
from tests.channels.chat_client import Widget
from tests.channels.email.conftest import Relay
from tests.channels.test_chat import SECRET, conversation_of, reply, token_for
from tests.conftest import LiveServer, free_port, make_settings

# Later than the 2 minutes after which a customer whose widget went quiet counts as away.
AFTER_THEY_LEFT = timedelta(minutes=3)


@pytest.fixture
def relay() -> Iterator[Relay]:
    handler = Relay()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    handler.port = port  # type: ignore[attr-defined]
    yield handler
    controller.stop()


@pytest.fixture
def settings(database_url: str, relay: Relay, tmp_path: Path) -> Settings:
    return make_settings(database_url).model_copy(
        update={
            "attachments_dir": str(tmp_path / "attachments"),
            "widget_secret": SECRET,
            "live_poll_seconds": 0.05,
            "smtp_host": "127.0.0.1",
            "smtp_port": relay.port,  # type: ignore[attr-defined]
            "mail_from": "공감 고객센터 <help@desk.example>",
        }
    )


@pytest.fixture
def server(settings: Settings) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings)) as live:
        yield live


def deliver(factory: sessionmaker[Session], settings: Settings, *, later: bool) -> int:
    """One outbox pass, at a moment after the customer left (or right now)."""
    moment = utcnow() + (AFTER_THEY_LEFT if later else timedelta(0))
    chat = outbound.send_with(settings, clock=lambda: moment)
    return outbox.deliver_due(factory, now=moment, senders={"chat": chat})


def send_mail(port: int, mail: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=15) as smtp:
        smtp.send_message(mail)


def body_of(mail: EmailMessage) -> str:
    part = mail.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def test_reply_to_a_visitor_who_left_goes_by_email_once(
    server: LiveServer,
    settings: Settings,
    relay: Relay,
    factory: sessionmaker[Session],
    database_url: str,
) -> None:
    widget = Widget(server)
    widget.open()
    asked = widget.say("주문한 운동화 사이즈 교환 가능한가요? 답변은 메일로 주셔도 돼요")
    widget.send({"type": "contact", "email": "Lee.Jiwoo@example.com"})
    widget.until("contact_saved")
    widget.close()
    conversation_id = conversation_of(server, asked["message_id"], database_url)

    answer = "네, 수령 후 7일 이내라면 사이즈 교환이 가능합니다. 주문 내역에서 교환 신청해 주세요."
    reply(server, conversation_id, answer)
    assert deliver(factory, settings, later=True) == 1
    assert deliver(factory, settings, later=True) == 0  # exactly once

    [mail] = relay.received
    assert mail["To"] == "lee.jiwoo@example.com"
    assert f"[#{conversation_id}]" in mail["Subject"]
    text = body_of(mail)
    assert text.startswith("채팅으로 남겨 주신 문의에 답변드립니다.")
    assert answer in text
    # A typed address never gets a link: nobody vouched that it belongs to this visitor.
    assert "채팅 이어가기" not in text and "http" not in text
    with factory() as session:
        event = session.scalars(select(Event).where(Event.kind == "chat_reply_emailed")).one()
        sent = session.scalars(select(Message).where(Message.direction == "out")).one()
    assert event.conversation_id == conversation_id and event.data["message_id"] == sent.id
    assert sent.delivery_status == "sent"

    # Coming back to the page, the customer finds the answer in the chat as well.
    widget.open()
    assert widget.until("message", direction="out")["text"] == answer
    widget.close()

    # Answering the e-mail continues the same conversation.
    answer_mail = EmailMessage()
    answer_mail["From"] = "이지우 <lee.jiwoo@example.com>"
    answer_mail["To"] = "help@desk.example"
    answer_mail["Subject"] = f"Re: {mail['Subject']}"
    answer_mail["In-Reply-To"] = mail["Message-ID"]
    answer_mail.set_content("감사합니다! 270으로 교환 신청했어요.")
    with SmtpReceiver(factory, settings, port=free_port()) as receiver:
        send_mail(receiver.port, answer_mail)
    with factory() as session:
        followed = session.scalars(select(Message).where(Message.channel == "email")).one()
    assert followed.conversation_id == conversation_id
    assert followed.customer_id == sent.customer_id


def test_connected_customer_gets_the_reply_only_in_the_widget(
    server: LiveServer, settings: Settings, relay: Relay, factory: sessionmaker[Session]
) -> None:
    token = token_for("shop-2001", name="박하늘", email="haneul.park@example.com")
    widget = Widget(server, token=token, page="https://shop.example/orders/2001")
    widget.open()
    asked = widget.say("결제했는데 주문 내역에 안 보여요")
    with factory() as session:
        conversation_id = session.get_one(Message, asked["message_id"]).conversation_id
    answer = "확인해 보니 결제는 정상 완료되었고, 주문 내역에는 5분 안에 반영됩니다."
    reply(server, conversation_id, answer)
    # A pass now finds them connected (or the widget already showed it): no e-mail.
    assert deliver(factory, settings, later=False) in (0, 1)
    assert widget.until("message", direction="out")["text"] == answer
    widget.close()
    # Once shown in the widget, the reply is done, even after the customer left.
    deliver(factory, settings, later=True)
    assert relay.received == []
    with factory() as session:
        delivery = session.scalars(select(Delivery)).one()
        emailed = session.scalars(select(Event).where(Event.kind == "chat_reply_emailed")).all()
    assert (delivery.status, delivery.provider_id) == ("sent", "widget")
    assert emailed == []


def test_signed_customer_who_left_gets_a_link_back_to_the_chat(
    server: LiveServer, settings: Settings, relay: Relay, factory: sessionmaker[Session]
) -> None:
    token = token_for("shop-3001", name="정우진", email="woojin@example.com")
    widget = Widget(server, token=token, page="https://shop.example/orders/3001?tab=help")
    widget.open()
    asked = widget.say("환불 요청한 지 일주일 됐는데 아직 안 들어왔어요")
    widget.close()
    with factory() as session:
        conversation_id = session.get_one(Message, asked["message_id"]).conversation_id
    reply(server, conversation_id, "환불은 어제 처리되어 카드사에서 2~3일 안에 취소됩니다.")
    assert deliver(factory, settings, later=True) == 1
    [mail] = relay.received
    assert mail["To"] == "woojin@example.com"
    assert "채팅 이어가기: https://shop.example/orders/3001?tab=help" in body_of(mail)


def test_only_a_signed_visitors_page_on_the_sockets_own_origin_is_kept() -> None:
    page = "https://shop.example/orders/1"
    assert visits.page_for(page=page, origin="https://shop.example", signed=True) == page
    # A page on another origin than the browser's Origin header, or no Origin at all.
    assert visits.page_for(page=page, origin="https://evil.example", signed=True) is None
    assert visits.page_for(page=page, origin=None, signed=True) is None
    # Anyone can type an address: an anonymous visitor's page never goes into an e-mail.
    assert visits.page_for(page=page, origin="https://shop.example", signed=False) is None
    assert visits.page_for(page="javascript:alert(1)", origin="javascript:", signed=True) is None


def test_visitor_without_an_email_finds_the_reply_when_they_return(
    server: LiveServer, settings: Settings, relay: Relay, factory: sessionmaker[Session]
) -> None:
    widget = Widget(server)
    widget.open()
    asked = widget.say("포인트 적립이 안 됐어요")
    widget.close()
    with factory() as session:
        conversation_id = session.get_one(Message, asked["message_id"]).conversation_id
    reply(server, conversation_id, "누락된 포인트 3,000점을 방금 적립해 드렸습니다.")
    assert deliver(factory, settings, later=True) == 0
    assert relay.received == []
    with factory() as session:
        assert session.scalars(select(Delivery)).all() == []
        waiting = session.scalars(select(Message).where(Message.direction == "out")).one()
        assert waiting.delivery_status == "queued"
    widget.open()
    assert widget.until("message", direction="out")["text"].startswith("누락된 포인트")
    widget.close()
