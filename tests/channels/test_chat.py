"""The chat widget's WebSocket against a real server: store, acknowledge, reply, resume."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select
from websockets.exceptions import ConnectionClosed

from gonggam.app import create_app
from gonggam.channels.chat.token import sign
from gonggam.conversations.models import Message
from gonggam.customers.models import CustomerIdentity
from gonggam.db import engine_for, session_factory
from gonggam.kit.clock import utcnow
from tests.channels.chat_client import Widget
from tests.conftest import API_TOKEN, LiveServer, make_settings

SECRET = "shop-widget-secret-0123456789"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def server(database_url: str) -> Iterator[LiveServer]:
    settings = make_settings(database_url).model_copy(
        update={"widget_secret": SECRET, "live_poll_seconds": 0.05}
    )
    with LiveServer(create_app(settings)) as live:
        yield live


def token_for(external_id: str, *, secret: str = SECRET, minutes: int = 30, **who: str) -> str:
    expires = int((utcnow() + timedelta(minutes=minutes)).timestamp())
    return sign(secret, external_id=external_id, expires_at=expires, **who)


def reply(server: LiveServer, conversation_id: int, text: str) -> None:
    response = httpx.post(
        f"{server.url}/api/v1/conversations/{conversation_id}/reply",
        json={"text": text},
        headers=AUTH,
        timeout=30,
    )
    assert response.status_code in (200, 201), response.text


def conversation_of(server: LiveServer, message_id: int, database_url: str) -> int:
    with session_factory(engine_for(database_url))() as session:
        return session.get_one(Message, message_id).conversation_id


def test_korean_message_is_stored_before_ack_and_agent_reply_arrives(
    server: LiveServer, database_url: str
) -> None:
    widget = Widget(server)
    assert widget.open()["type"] == "ready"
    status = widget.until("status")
    assert status["position"] is None  # has not written yet
    text = "안녕하세요 어제 주문한 청소기 배송 언제쯤 오나요?? 급해요ㅠㅠ"
    ack = widget.say(text)
    # The acknowledgement means committed: a separate connection already sees the row.
    with session_factory(engine_for(database_url))() as session:
        stored = session.get(Message, ack["message_id"])
        assert stored is not None and stored.text == text and stored.channel == "chat"
        conversation_id = stored.conversation_id
    # Nobody answered yet: the widget hears its place in the queue.
    queued = widget.until("status", position=1)
    assert queued["estimated_wait_seconds"] is None
    assert queued["agents_online"] is False  # nobody signed in to this desk

    answer = "고객님, 청소기는 오늘 오후 6시 전에 도착할 예정입니다. 기다려 주셔서 감사합니다."
    reply(server, conversation_id, answer)
    pushed = widget.until("message", direction="out")
    assert pushed["text"] == answer
    assert widget.until("status")["position"] is None  # answered: no longer queued
    widget.close()
    with session_factory(engine_for(database_url))() as session:
        assert session.get_one(Message, pushed["id"]).delivery_status == "sent"


def test_reconnect_resumes_missed_replies_exactly_once(
    server: LiveServer, database_url: str
) -> None:
    widget = Widget(server)
    widget.open()
    first = widget.say("환불 신청했는데 처리 됐나요")
    conversation_id = conversation_of(server, first["message_id"], database_url)
    widget.close()
    # The customer is offline: the replies wait for them.
    reply(server, conversation_id, "확인해 보니 환불은 오늘 접수되었습니다.")
    reply(server, conversation_id, "카드사 사정에 따라 3~5영업일 안에 취소됩니다.")
    with session_factory(engine_for(database_url))() as session:
        waiting = session.scalars(
            select(Message.delivery_status).where(Message.direction == "out")
        ).all()
    assert waiting == ["queued", "queued"]

    before = len(widget.seen)
    widget.open(after=first["message_id"])
    widget.until("message", text="카드사 사정에 따라 3~5영업일 안에 취소됩니다.")
    reply(server, conversation_id, "다른 궁금한 점 있으시면 말씀해 주세요.")
    widget.until("message", text="다른 궁금한 점 있으시면 말씀해 주세요.")
    widget.close()
    resumed = widget.seen[before:]
    ids = [m["id"] for m in resumed]
    assert len(ids) == len(set(ids)) == 3
    assert [m["direction"] for m in resumed] == ["out", "out", "out"]


def test_a_repeated_client_message_id_is_stored_once(server: LiveServer, database_url: str) -> None:
    widget = Widget(server)
    widget.open()
    client_id = uuid.uuid4().hex
    first = widget.say("주문 취소해주세요", client_id=client_id)
    # The widget lost the ack and resends after reconnecting, possibly to another process.
    widget.close()
    widget.open()
    again = widget.say("주문 취소해주세요", client_id=client_id)
    assert again["message_id"] == first["message_id"]
    assert (first["duplicate"], again["duplicate"]) == (False, True)
    # Another visitor using the same client id is a different message.
    other = Widget(server)
    other.open()
    theirs = other.say("저도 주문 취소요", client_id=client_id)
    assert theirs["message_id"] != first["message_id"]
    with session_factory(engine_for(database_url))() as session:
        count = session.scalar(select(func.count(Message.id)).where(Message.channel == "chat"))
    assert count == 2
    widget.close()
    other.close()


def test_bad_frames_get_clear_errors(server: LiveServer) -> None:
    widget = Widget(server)
    widget.open()
    assert widget.connection is not None
    widget.connection.send("{not json")
    assert widget.until("error")["code"] == "bad_json"
    widget.send({"type": "message", "client_id": "short", "text": "안녕"})
    assert widget.until("error")["code"] == "bad_client_id"
    widget.send({"type": "message", "client_id": uuid.uuid4().hex, "text": "가" * 5001})
    assert widget.until("error")["code"] == "too_long"
    widget.send({"type": "contact", "email": "not-an-address"})
    assert widget.until("error")["code"] == "bad_email"
    widget.close()


def test_signed_identity_is_accepted_and_forged_or_expired_refused(
    server: LiveServer, database_url: str
) -> None:
    good = Widget(server, token=token_for("shop-77", name="최유나", email="yuna@example.kr"))
    assert good.open() == {"type": "ready", "signed": True}
    ack = good.say("로그인했는데 포인트가 안 보여요")
    good.close()
    with session_factory(engine_for(database_url))() as session:
        customer = session.get_one(Message, ack["message_id"]).customer_id
        identities = session.scalars(
            select(CustomerIdentity).where(CustomerIdentity.customer_id == customer)
        ).all()
    # The host site signed the e-mail, so it counts as verified.
    assert {(i.kind, i.value, i.verified) for i in identities} == {
        ("email", "yuna@example.kr", True),
        ("external", "chat:user:shop-77", False),
    }

    for bad, reason in (
        (token_for("shop-77", secret="a-forged-secret", email="yuna@example.kr"), "bad signature"),
        (token_for("shop-77", minutes=-5, email="yuna@example.kr"), "token expired"),
        ("this.is.not-a-token", "malformed token"),
        (token_for("shop-77", phone="전화번호 없음"), "not a phone number"),
    ):
        forged = Widget(server, token=bad)
        first = forged.open()
        assert first["type"] == "error" and first["code"] == "bad_token"
        assert reason in first["message"]
        with pytest.raises(ConnectionClosed) as closed:
            forged.receive()
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


def test_one_customer_over_email_chat_and_sms(server: LiveServer) -> None:
    def post(**body: object) -> dict[str, int]:
        response = httpx.post(f"{server.url}/api/v1/messages", json=body, headers=AUTH, timeout=30)
        assert response.status_code == 201, response.text
        result: dict[str, int] = response.json()
        return result

    mail = post(
        channel="email",
        customer={"email": "Minji.Kang@example.kr", "name": "강민지"},
        text="주문번호 20241120-5531 택배가 일주일째 안 와요. 확인 부탁드립니다.",
    )
    widget = Widget(
        server,
        token=token_for(
            "shop-5531", name="강민지", email="minji.kang@example.kr", phone="010-7777-8888"
        ),
    )
    widget.open()
    chat_ack = widget.say("메일 보냈는데 답이 없어서 채팅으로도 문의해요")
    widget.close()
    sms = post(channel="sms", customer={"phone": "+82 10-7777-8888"}, text="문자로도 남깁니다 ㅠ")

    timeline = httpx.get(
        f"{server.url}/api/v1/customers/{mail['customer_id']}/timeline", headers=AUTH, timeout=30
    ).json()
    messages = [e["message"] for e in timeline["entries"] if e["type"] == "message"]
    assert [m["channel"] for m in messages] == ["email", "chat", "sms"]
    assert messages[1]["id"] == chat_ack["message_id"]
    assert sms["customer_id"] == mail["customer_id"]
    kinds = {i["kind"]: i["value"] for i in timeline["customer"]["identities"]}
    assert kinds == {
        "email": "minji.kang@example.kr",
        "external": "chat:user:shop-5531",
        "phone": "+821077778888",
    }
    # The three legs are one conversation: she does not have to repeat herself.
    assert len({m["conversation_id"] for m in messages}) == 1
