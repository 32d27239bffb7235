"""The outbox: a reply is kept until its channel takes it, retried, and a final failure is shown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels import outbox
from gonggam.channels.models import Delivery
from gonggam.conversations.models import Event, Message
from gonggam.kit.clock import utcnow
from tests.helpers import make_user, post_message

REPLY = (
    "주문하신 운동화는 내일 오전까지 다시 발송해 드리겠습니다. 불편하게 해 드려 정말 죄송합니다."
)


class FlakySms:
    """An SMS provider that is down for the first `failures` attempts."""

    def __init__(self, failures: int, *, permanent: bool = False) -> None:
        self.failures = failures
        self.permanent = permanent
        self.sent: list[str] = []

    def __call__(self, session: Session, delivery: Delivery, message: Message) -> str:
        del session
        if self.failures > 0:
            self.failures -= 1
            raise outbox.DeliveryFailed("provider answered 503", permanent=self.permanent)
        self.sent.append(message.text)
        return f"sms-{delivery.id}"


def _reply_on_sms(api: TestClient) -> int:
    ids = post_message(api, "운동화가 아직도 안 왔어요", channel="sms", phone="010-2345-6789")
    response = api.post(
        f"/api/v1/conversations/{ids['conversation_id']}/reply", json={"text": REPLY}
    )
    assert response.status_code == 201, response.text
    return int(ids["conversation_id"])


def test_reply_is_retried_until_the_provider_takes_it(
    api: TestClient, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(outbox.SENDERS, "sms", "tests.channels.test_outbox:FlakySms")
    sms = FlakySms(failures=2)
    _reply_on_sms(api)

    start = utcnow()
    assert outbox.deliver_due(factory, now=start, senders={"sms": sms}) == 0
    # Not due again until its pause is over.
    assert outbox.deliver_due(factory, now=start + timedelta(seconds=5), senders={"sms": sms}) == 0
    later = start + timedelta(hours=1)
    assert outbox.deliver_due(factory, now=later, senders={"sms": sms}) == 0
    assert outbox.deliver_due(factory, now=later + timedelta(hours=1), senders={"sms": sms}) == 1
    assert sms.sent == [REPLY]

    page = api.get("/api/v1/outbox").json()["items"]
    assert page[0]["status"] == "sent" and page[0]["attempts"] == 3
    with factory() as session:
        reply = session.scalars(select(Message).where(Message.direction == "out")).one()
        assert reply.delivery_status == "sent"


def test_a_permanent_failure_is_shown_to_the_agent(
    api: TestClient, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(outbox.SENDERS, "sms", "tests.channels.test_outbox:FlakySms")
    conversation_id = _reply_on_sms(api)
    sms = FlakySms(failures=1, permanent=True)
    assert outbox.deliver_due(factory, senders={"sms": sms}) == 0
    assert outbox.deliver_due(factory, now=utcnow() + timedelta(days=1), senders={"sms": sms}) == 0
    assert sms.sent == []
    with factory() as session:
        kinds = list(
            session.scalars(select(Event.kind).where(Event.conversation_id == conversation_id))
        )
    assert "delivery_failed" in kinds
    failed = api.get("/api/v1/outbox", params={"status": "failed"}).json()["items"]
    assert failed[0]["last_error"] == "provider answered 503"
    timeline = api.get(f"/api/v1/conversations/{conversation_id}").json()
    assert [m["delivery_status"] for m in timeline["messages"] if m["direction"] == "out"] == [
        "failed"
    ]


def test_a_channel_without_an_outbound_adapter_queues_nothing(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    _reply_on_sms(api)
    with factory() as session:
        assert session.scalars(select(Delivery)).all() == []


def test_two_workers_never_send_the_same_reply(
    api: TestClient, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(outbox.SENDERS, "sms", "tests.channels.test_outbox:FlakySms")
    _reply_on_sms(api)
    now = utcnow()
    with factory() as session:
        delivery_id = session.scalars(select(Delivery.id)).one()
        assert outbox._claim(session, delivery_id, now)
    # A second worker with the same view of the queue finds the row already claimed.
    sms = FlakySms(failures=0)
    assert outbox.deliver_due(factory, now=now, senders={"sms": sms}) == 0
    assert sms.sent == []


def test_channels_are_admin_only_and_secrets_shown_once(api: TestClient) -> None:
    created = api.post(
        "/api/v1/channels",
        json={"name": "kakao-main", "kind": "kakao", "display_name": "카카오톡 상담"},
    )
    assert created.status_code == 201, created.text
    assert len(created.json()["secret"]) >= 16
    listed = api.get("/api/v1/channels").json()
    assert [c["name"] for c in listed] == ["kakao-main"]
    assert "secret" not in listed[0]
    again = api.post(
        "/api/v1/channels", json={"name": "kakao-main", "kind": "kakao", "display_name": "x"}
    )
    assert again.status_code == 409


def test_agents_cannot_configure_channels_or_read_the_outbox(api: TestClient) -> None:
    token = make_user(api, "agent1@desk.kr", "agent")
    headers = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/outbox", headers=headers).status_code == 403
    refused = api.post(
        "/api/v1/channels",
        headers=headers,
        json={"name": "sms2", "kind": "sms", "display_name": "문자"},
    )
    assert refused.status_code == 403
