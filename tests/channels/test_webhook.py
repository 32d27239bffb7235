"""Messaging webhooks: signed inbound messages, stored once, answered through the provider."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels import outbox
from gonggam.channels.signing import SIGNATURE_HEADER, sign
from gonggam.conversations.models import Event, Message
from tests.channels.receiver import ProviderReceiver
from tests.conftest import LiveServer
from tests.helpers import make_user

SECRET = "sms-provider-secret-0123456789"
KAKAO_SECRET = "kakao-provider-secret-987654321"


def make_channel(api: TestClient, name: str, kind: str, secret: str, **extra: Any) -> int:
    response = api.post(
        "/api/v1/channels",
        json={"name": name, "kind": kind, "display_name": name, "secret": secret, **extra},
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def signed_post(
    client: TestClient | httpx.Client, path: str, payload: dict[str, Any], secret: str
) -> httpx.Response:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return client.post(
        path,
        content=body,
        headers={"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body)},
    )


SMS = {
    "message_id": "SM-20261126-0001",
    "from": {"id": "u-7781", "name": "윤서연", "phone": "010-3456-7890"},
    "text": "택배가 3일째 배송중에서 안 움직여요 ㅠㅠ 언제 와요?",
    "timestamp": "2026-11-26T09:15:00+09:00",
}


def count_messages(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count(Message.id))) or 0)


def test_signed_message_is_stored_once_over_real_http(
    app: FastAPI, api: TestClient, factory: sessionmaker[Session]
) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        first = signed_post(client, "/api/v1/channels/acme-sms/webhook", SMS, SECRET)
        again = signed_post(client, "/api/v1/channels/acme-sms/webhook", SMS, SECRET)
    assert first.status_code == 201, first.text
    assert again.status_code == 200, again.text
    assert again.json()["message_id"] == first.json()["message_id"]
    assert again.json()["duplicate"] is True
    assert count_messages(factory) == 1

    conversation = api.get(f"/api/v1/conversations/{first.json()['conversation_id']}").json()
    message = conversation["messages"][0]
    assert message["channel"] == "sms"
    assert message["created_at"].startswith("2026-11-26T00:15:00")
    customer = api.get(f"/api/v1/customers/{first.json()['customer_id']}/timeline")
    assert customer.status_code == 200
    # The same person writing by e-mail later is recognised by the phone number.
    found = api.get("/api/v1/conversations", params={"customer_phone": "+821034567890"})
    assert [c["id"] for c in found.json()["items"]] == [first.json()["conversation_id"]]


def test_numeric_channel_id_is_accepted(api: TestClient) -> None:
    channel_id = make_channel(api, "acme-sms", "sms", SECRET)
    response = signed_post(api, f"/api/v1/channels/{channel_id}/webhook", SMS, SECRET)
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("header", "reason"),
    [(None, "missing"), ("sha256=" + "0" * 64, "does not match"), ("md5=abc", "sha256=")],
)
def test_bad_signature_is_refused_and_nothing_stored(
    anonymous: TestClient,
    api: TestClient,
    factory: sessionmaker[Session],
    header: str | None,
    reason: str,
) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    body = json.dumps(SMS, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json"}
    if header:
        headers[SIGNATURE_HEADER] = header
    response = anonymous.post("/api/v1/channels/acme-sms/webhook", content=body, headers=headers)
    assert response.status_code == 401
    assert reason in response.json()["detail"]
    assert count_messages(factory) == 0


def test_signed_with_another_channels_secret_is_refused(api: TestClient) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    response = signed_post(api, "/api/v1/channels/acme-sms/webhook", SMS, KAKAO_SECRET)
    assert response.status_code == 401


def test_unknown_channel_and_bad_bodies_get_clear_errors(api: TestClient) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    assert signed_post(api, "/api/v1/channels/nope/webhook", SMS, SECRET).status_code == 404

    missing_text = {k: v for k, v in SMS.items() if k != "text"}
    response = signed_post(api, "/api/v1/channels/acme-sms/webhook", missing_text, SECRET)
    assert response.status_code == 422
    assert "text" in response.json()["detail"]

    broken = b'{"message_id": "x", "text": '
    response = api.post(
        "/api/v1/channels/acme-sms/webhook",
        content=broken,
        headers={"Content-Type": "application/json", SIGNATURE_HEADER: sign(SECRET, broken)},
    )
    assert response.status_code == 400
    assert "malformed JSON" in response.json()["detail"]

    latin = '{"message_id": "x", "from": {"id": "a"}, "text": "caf\xe9"}'.encode("latin-1")
    response = api.post(
        "/api/v1/channels/acme-sms/webhook",
        content=latin,
        headers={"Content-Type": "text/plain", SIGNATURE_HEADER: sign(SECRET, latin)},
    )
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]


def _reply(api: TestClient, conversation_id: int, text: str) -> None:
    response = api.post(f"/api/v1/conversations/{conversation_id}/reply", json={"text": text})
    assert response.status_code == 201, response.text


def test_reply_reaches_the_provider_signed(api: TestClient, factory: sessionmaker[Session]) -> None:
    with ProviderReceiver() as provider:
        make_channel(
            api, "acme-sms", "sms", SECRET, outbound_url=provider.url, allow_private_outbound=True
        )
        ids = signed_post(api, "/api/v1/channels/acme-sms/webhook", SMS, SECRET).json()
        reply = "윤서연님, 확인해 보니 오늘 오후 6시 전에 배송될 예정입니다. 늦어져 죄송합니다."
        _reply(api, ids["conversation_id"], reply)
        assert outbox.deliver_due(factory) == 1

    [received] = provider.received
    assert received.headers[SIGNATURE_HEADER] == sign(SECRET, received.body)
    payload = received.json()
    assert payload["text"] == reply
    assert payload["to"] == {"id": "u-7781", "phone": "+821034567890"}
    delivery = api.get("/api/v1/outbox").json()["items"][0]
    assert delivery["status"] == "sent" and delivery["provider_id"] == "prov-1"


def test_reply_to_a_private_address_is_refused_unless_allowed(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    with ProviderReceiver() as provider:
        make_channel(api, "acme-sms", "sms", SECRET, outbound_url=provider.url)
        ids = signed_post(api, "/api/v1/channels/acme-sms/webhook", SMS, SECRET).json()
        _reply(api, ids["conversation_id"], "확인 후 바로 연락드리겠습니다.")
        assert outbox.deliver_due(factory) == 0
    assert provider.received == []
    delivery = api.get("/api/v1/outbox").json()["items"][0]
    assert delivery["status"] == "failed" and delivery["attempts"] == 1
    assert "127.0.0.1" in delivery["last_error"] and "private" in delivery["last_error"]
    with factory() as session:
        kinds = list(session.scalars(select(Event.kind)))
    assert "delivery_failed" in kinds


def test_long_kakao_reply_goes_out_in_parts_within_the_limit(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    sentence = "주문하신 상품의 교환 절차를 단계별로 자세히 안내해 드리겠습니다. "
    long_reply = (sentence * 60)[:1500]
    assert len(long_reply) == 1500
    with ProviderReceiver() as provider:
        make_channel(
            api,
            "acme-kakao",
            "kakao",
            KAKAO_SECRET,
            outbound_url=provider.url,
            allow_private_outbound=True,
        )
        message = {**SMS, "from": {"id": "kakao-user-42"}, "text": "교환 어떻게 해요?"}
        ids = signed_post(api, "/api/v1/channels/acme-kakao/webhook", message, KAKAO_SECRET)
        _reply(api, ids.json()["conversation_id"], long_reply)
        assert outbox.deliver_due(factory) == 1

    parts = [r.json() for r in provider.received]
    assert len(parts) == 2
    assert all(len(p["text"]) <= 1000 for p in parts)
    assert [p["part"] for p in parts] == [1, 2] and parts[0]["parts"] == 2
    assert parts[0]["text"].endswith("드리겠습니다.")  # cut after a sentence
    assert "".join(p["text"] for p in parts).replace(" ", "") == long_reply.replace(" ", "")
    assert parts[0]["to"]["id"] == "kakao-user-42"
    with factory() as session:
        split = session.scalars(select(Event).where(Event.kind == "reply_split")).one()
    assert split.data["parts"] == 2 and split.data["max_chars"] == 1000


def test_reply_to_a_customer_who_came_without_a_channel_stays_queued(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    response = api.post(
        "/api/v1/messages",
        json={"channel": "sms", "customer": {"phone": "010-1111-2222"}, "text": "환불 문의요"},
    )
    _reply(api, response.json()["conversation_id"], "환불 접수해 드렸습니다.")
    assert api.get("/api/v1/outbox").json()["items"] == []
    with factory() as session:
        reply = session.scalars(select(Message).where(Message.direction == "out")).one()
    assert reply.delivery_status == "queued"


def test_a_channel_takes_only_its_own_kind_of_request(api: TestClient) -> None:
    make_channel(api, "phone-line", "voice", SECRET)
    response = signed_post(api, "/api/v1/channels/phone-line/webhook", SMS, SECRET)
    assert response.status_code == 409 and "voice" in response.json()["detail"]


def test_two_providers_with_the_same_message_id_do_not_collide(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    make_channel(api, "other-sms", "sms", KAKAO_SECRET)
    first = signed_post(api, "/api/v1/channels/acme-sms/webhook", SMS, SECRET)
    second = signed_post(api, "/api/v1/channels/other-sms/webhook", SMS, KAKAO_SECRET)
    assert first.status_code == 201 and second.status_code == 201
    assert first.json()["message_id"] != second.json()["message_id"]
    assert count_messages(factory) == 2


def test_unknown_fields_are_named_in_the_422(api: TestClient) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    response = signed_post(
        api, "/api/v1/channels/acme-sms/webhook", {**SMS, "txt": "오타 필드"}, SECRET
    )
    assert response.status_code == 422 and "txt" in response.json()["detail"]


def test_admin_allows_private_outbound_later_and_replies_then_arrive(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    with ProviderReceiver() as provider:
        make_channel(api, "acme-sms", "sms", SECRET, outbound_url=provider.url)
        ids = signed_post(api, "/api/v1/channels/acme-sms/webhook", SMS, SECRET).json()
        _reply(api, ids["conversation_id"], "첫 번째 답장입니다.")
        assert outbox.deliver_due(factory) == 0  # refused: loopback not allowed yet

        changed = api.patch("/api/v1/channels/acme-sms", json={"allow_private_outbound": True})
        assert changed.status_code == 200 and changed.json()["allow_private_outbound"] is True
        _reply(api, ids["conversation_id"], "두 번째 답장입니다.")
        assert outbox.deliver_due(factory) == 1
    assert [r.json()["text"] for r in provider.received] == ["두 번째 답장입니다."]


def test_channel_changes_are_admin_only_and_validated(api: TestClient) -> None:
    make_channel(api, "acme-sms", "sms", SECRET)
    bad = api.patch("/api/v1/channels/acme-sms", json={"outbound_url": "file:///etc/passwd"})
    assert bad.status_code == 422 and "http" in bad.json()["detail"]
    assert api.patch("/api/v1/channels/nope", json={"is_active": False}).status_code == 404
    token = make_user(api, "agent@desk.example", "agent")
    refused = api.patch(
        "/api/v1/channels/acme-sms",
        json={"allow_private_outbound": True},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert refused.status_code == 403
    api.patch("/api/v1/channels/acme-sms", json={"is_active": False})
    assert signed_post(api, "/api/v1/channels/acme-sms/webhook", SMS, SECRET).status_code == 404
