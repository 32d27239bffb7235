"""The conversation API contract of SPEC section 4, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.helpers import make_team, make_user, post_message

ANGRY = "어제 결제했는데 돈은 두 번 빠져나가고 주문은 취소됐어요. 010-2345-6789로 당장 연락주세요!"


def test_post_message_creates_customer_conversation_and_triage(api: TestClient) -> None:
    ids = post_message(api, ANGRY, email="jiwoo@example.kr", name="한지우")
    assert set(ids) == {"conversation_id", "message_id", "customer_id"}

    conversation = api.get(f"/api/v1/conversations/{ids['conversation_id']}").json()
    assert conversation["status"] == "open"
    assert conversation["customer_id"] == ids["customer_id"]
    assert conversation["customer"]["email"] == "jiwoo@example.kr"
    assert [m["id"] for m in conversation["messages"]] == [ids["message_id"]]
    # Triage ran before the response: every contract field is present.
    for field in (
        "language",
        "intent",
        "emotion",
        "intensity",
        "abusive",
        "abuse_spans",
        "customer_type",
        "urgency",
        "pii",
        "masked_text",
    ):
        assert field in conversation["triage"]
    # Agents see the phone number masked, in the message and in the triage.
    assert "2345-6789" not in conversation["messages"][0]["text"]
    assert "2345-6789" not in conversation["triage"]["masked_text"]
    kinds = [e["kind"] for e in conversation["events"]]
    assert kinds[:2] == ["created", "triaged"]


def test_repeated_idempotency_key_returns_same_ids_and_stores_nothing(api: TestClient) -> None:
    body = {
        "channel": "kakao",
        "customer": {"external_id": "kakao-77"},
        "text": "배송 언제 와요?",
        "idempotency_key": "evt-123",
    }
    first = api.post("/api/v1/messages", json=body)
    second = api.post("/api/v1/messages", json=body)
    assert first.status_code == 201
    assert second.status_code == 200
    assert first.json() == second.json()
    conversation = api.get(f"/api/v1/conversations/{first.json()['conversation_id']}").json()
    assert len(conversation["messages"]) == 1
    assert len([e for e in conversation["events"] if e["kind"] == "triaged"]) == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/messages"),
        ("get", "/api/v1/conversations"),
        ("get", "/api/v1/conversations/1"),
        ("get", "/api/v1/customers/1/timeline"),
        ("post", "/api/v1/conversations/1/reply"),
        ("post", "/api/v1/conversations/1/transfer"),
        ("get", "/metrics"),
        ("get", "/api/v1/users"),
    ],
)
def test_every_endpoint_needs_credentials(anonymous: TestClient, method: str, path: str) -> None:
    response = anonymous.request(method, path, json={"text": "x"})
    assert response.status_code == 401
    assert "authentication required" in response.json()["detail"]


def test_wrong_bearer_token_is_refused(anonymous: TestClient) -> None:
    response = anonymous.get("/api/v1/conversations", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401


def test_healthz_needs_no_credentials(anonymous: TestClient) -> None:
    assert anonymous.get("/healthz").json() == {"status": "ok"}


def test_malformed_json_is_a_clear_400(api: TestClient) -> None:
    response = api.post(
        "/api/v1/messages",
        content=b'{"channel": "chat", "text": ',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("malformed JSON")


def test_invalid_utf8_is_a_clear_400(api: TestClient) -> None:
    body = b'{"channel": "chat", "customer": {"email": "a@b.kr"}, "text": "\xb0\xe1\xc1\xa6"}'
    response = api.post(
        "/api/v1/messages", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "UTF-8" in response.json()["detail"]


def test_wrong_types_name_the_field(api: TestClient) -> None:
    response = api.post(
        "/api/v1/messages", json={"channel": "chat", "customer": {"email": "a@b.kr"}, "text": 42}
    )
    assert response.status_code == 422
    assert "text" in response.json()["detail"]


def test_unknown_fields_are_refused_not_dropped(api: TestClient) -> None:
    response = api.post(
        "/api/v1/messages",
        json={
            "channel": "chat",
            "customer": {"email": "a@b.kr"},
            "text": "안녕하세요",
            "txet": "오타",
        },
    )
    assert response.status_code == 422
    assert "txet" in response.json()["detail"]


def test_oversized_body_is_413_and_stores_nothing(api: TestClient) -> None:
    response = api.post(
        "/api/v1/messages",
        json={"channel": "chat", "customer": {"email": "big@b.kr"}, "text": "가" * 600_000},
    )
    assert response.status_code == 413
    assert (
        api.get("/api/v1/conversations", params={"customer_email": "big@b.kr"}).json()["items"]
        == []
    )


def test_customer_needs_an_identifier(api: TestClient) -> None:
    response = api.post(
        "/api/v1/messages", json={"channel": "chat", "customer": {"name": "익명"}, "text": "문의요"}
    )
    assert response.status_code == 422
    assert "email, phone or external_id" in response.json()["detail"]


def test_bad_email_is_a_clear_422(api: TestClient) -> None:
    response = api.post(
        "/api/v1/messages",
        json={"channel": "chat", "customer": {"email": "not-mail"}, "text": "문의"},
    )
    assert response.status_code == 422
    assert "e-mail" in response.json()["detail"]


def test_list_filters(api: TestClient) -> None:
    a = post_message(api, "환불 문의드립니다", channel="email", email="a@example.kr")
    b = post_message(api, "배송이 안 와요", channel="sms", phone="010-1111-2222")

    def ids(**params: str) -> list[int]:
        response = api.get("/api/v1/conversations", params=params)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert set(ids()) == {a["conversation_id"], b["conversation_id"]}
    assert ids(channel="sms") == [b["conversation_id"]]
    assert ids(customer_email="A@Example.kr") == [a["conversation_id"]]
    # The phone filter understands every way of writing a Korean mobile number.
    assert ids(customer_phone="+82 10-1111-2222") == [b["conversation_id"]]
    assert ids(status="resolved") == []
    api.post(f"/api/v1/conversations/{a['conversation_id']}/status", json={"status": "resolved"})
    assert ids(status="resolved") == [a["conversation_id"]]
    assert ids(status="open,pending") == [b["conversation_id"]]
    assert api.get("/api/v1/conversations", params={"status": "done"}).status_code == 422
    page = api.get("/api/v1/conversations", params={"limit": 1}).json()
    assert len(page["items"]) == 1 and page["total"] == 2
    for item in page["items"]:
        assert {"id", "customer_id"} <= set(item)


def test_team_and_assignee_filters(api: TestClient) -> None:
    make_team(api, "billing", ["payment_error", "billing", "refund_exchange"])
    make_user(api, "haneul@desk.kr", "agent", team="billing")
    ids = post_message(api, "문의드립니다", email="c@example.kr")
    cid = ids["conversation_id"]
    assert (
        api.post(
            f"/api/v1/conversations/{cid}/assign", json={"agent": "haneul@desk.kr"}
        ).status_code
        == 200
    )
    items = api.get("/api/v1/conversations", params={"assignee": "haneul@desk.kr"}).json()["items"]
    assert [i["id"] for i in items] == [cid]
    assert api.get("/api/v1/conversations", params={"assignee": "none"}).json()["items"] == []
    by_team = api.get("/api/v1/conversations", params={"team": "billing"}).json()["items"]
    assert [i["id"] for i in by_team] == [cid]


def test_reply_note_status_and_events(api: TestClient) -> None:
    cid = post_message(api, "앱 로그인이 안 돼요")["conversation_id"]
    reply = api.post(
        f"/api/v1/conversations/{cid}/reply",
        json={"text": "로그인이 막혀 답답하셨죠. 지금 바로 확인하겠습니다."},
    )
    assert reply.status_code == 201
    assert reply.json()["direction"] == "out"
    note = api.post(f"/api/v1/conversations/{cid}/note", json={"text": "인증서버 로그 확인 필요"})
    assert note.json()["direction"] == "note"
    pending = api.post(f"/api/v1/conversations/{cid}/status", json={"status": "pending"})
    assert pending.json()["status"] == "pending"
    assert (
        api.post(f"/api/v1/conversations/{cid}/status", json={"status": "archived"}).status_code
        == 422
    )
    conversation = api.get(f"/api/v1/conversations/{cid}").json()
    assert [m["direction"] for m in conversation["messages"]] == ["in", "out", "note"]
    assert conversation["waiting_since"] is None  # answered
    kinds = [e["kind"] for e in conversation["events"]]
    assert {"reply_sent", "note_added", "status_changed"} <= set(kinds)


def test_customer_reply_reopens_resolved_conversation(api: TestClient) -> None:
    cid = post_message(api, "환불 처리됐나요?", email="re@example.kr")["conversation_id"]
    api.post(f"/api/v1/conversations/{cid}/status", json={"status": "resolved"})
    again = post_message(api, "아직 입금이 안 됐어요", email="re@example.kr")
    assert again["conversation_id"] == cid
    conversation = api.get(f"/api/v1/conversations/{cid}").json()
    assert conversation["status"] == "open"
    assert "reopened" in [e["kind"] for e in conversation["events"]]


def test_closed_conversation_stays_closed_and_new_message_opens_another(api: TestClient) -> None:
    cid = post_message(api, "문의합니다", email="closed@example.kr")["conversation_id"]
    api.post(f"/api/v1/conversations/{cid}/status", json={"status": "closed"})
    refused = api.post(f"/api/v1/conversations/{cid}/reply", json={"text": "추가 안내드립니다"})
    assert refused.status_code == 409
    new = post_message(api, "다른 문제가 생겼어요", email="closed@example.kr")
    assert new["conversation_id"] != cid


def test_transfer_needs_a_reason_and_records_it(api: TestClient) -> None:
    make_team(api, "tech", ["technical_issue"])
    cid = post_message(api, "앱이 계속 꺼져요")["conversation_id"]
    missing = api.post(f"/api/v1/conversations/{cid}/transfer", json={"team": "tech"})
    assert missing.status_code == 422
    assert "reason" in missing.json()["detail"]
    empty = api.post(f"/api/v1/conversations/{cid}/transfer", json={"team": "tech", "reason": ""})
    assert empty.status_code == 422
    nowhere = api.post(f"/api/v1/conversations/{cid}/transfer", json={"reason": "전문가 필요"})
    assert nowhere.status_code == 422
    unknown = api.post(
        f"/api/v1/conversations/{cid}/transfer", json={"team": "nope", "reason": "전문가 필요"}
    )
    assert unknown.status_code == 404
    done = api.post(
        f"/api/v1/conversations/{cid}/transfer",
        json={
            "team": "tech",
            "reason": "앱 오류는 기술지원팀 담당",
            "note": "갤럭시 S23, 재설치 완료",
        },
    )
    assert done.status_code == 200
    body = done.json()
    assert body["team"] == "tech"
    assert body["transfer_count"] == 1
    transfer = next(e for e in body["events"] if e["kind"] == "transferred")
    assert transfer["data"]["reason"] == "앱 오류는 기술지원팀 담당"
    assert transfer["data"]["to_team"] == "tech"
    # The note travels with the conversation so the customer never repeats the story.
    assert body["messages"][-1]["direction"] == "note"
    assert body["messages"][-1]["text"] == "갤럭시 S23, 재설치 완료"


def test_missing_conversation_is_404(api: TestClient) -> None:
    response = api.get("/api/v1/conversations/999999")
    assert response.status_code == 404
    assert "999999" in response.json()["detail"]


def test_openapi_lists_the_contract(api: TestClient, anonymous: TestClient) -> None:
    # Like every endpoint but /healthz, the API description needs credentials.
    assert anonymous.get("/openapi.json").status_code == 401
    assert anonymous.get("/docs").status_code == 401
    assert "swagger" in api.get("/docs").text.lower()
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/messages",
        "/api/v1/conversations",
        "/api/v1/conversations/{conversation_id}",
        "/api/v1/customers/{customer_id}/timeline",
        "/api/v1/conversations/{conversation_id}/transfer",
    ):
        assert path in paths


def test_reveal_shows_original_text_and_is_audited(api: TestClient) -> None:
    from sqlalchemy import select

    from gonggam.accounts.models import AuditEntry

    ids = post_message(api, "환불 계좌는 010-9876-5432 로 연락 주세요", email="pii@example.kr")
    shown = api.get(f"/api/v1/conversations/{ids['conversation_id']}").json()["messages"][0]
    assert "9876-5432" not in shown["text"]
    revealed = api.post(
        f"/api/v1/messages/{ids['message_id']}/reveal", json={"reason": "환불 계좌 확인"}
    )
    assert revealed.status_code == 200
    assert "010-9876-5432" in revealed.json()["text"]
    factory = api.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "message.reveal"))
        assert entry is not None
        assert entry.target == f"message:{ids['message_id']}"
        assert entry.actor_label == "api-token"
        assert entry.detail["reason"] == "환불 계좌 확인"
    assert api.post("/api/v1/messages/999999/reveal", json={}).status_code == 404


def test_reply_goes_out_on_the_channel_the_customer_last_used(api: TestClient) -> None:
    first = post_message(api, "결제 오류 문의드립니다", channel="email", email="ch@example.kr")
    post_message(
        api, "메일 답이 없어서 채팅으로 다시 문의해요", channel="chat", email="ch@example.kr"
    )
    reply = api.post(
        f"/api/v1/conversations/{first['conversation_id']}/reply",
        json={"text": "채팅으로 바로 답변드립니다. 결제 내역을 지금 확인하고 있습니다."},
    )
    assert reply.json()["channel"] == "chat"


def test_list_shows_what_a_waiting_customer_wrote_not_the_desks_automatic_notice(
    api: TestClient,
) -> None:
    # An abusive message gets an automatic warning; the customer still waits for a person.
    sent = post_message(api, "환불 언제 해주냐 씨발 진짜", email="waiting@example.kr")
    detail = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()
    assert any(m["direction"] == "out" for m in detail["messages"])
    items = api.get("/api/v1/conversations", params={"customer_email": "waiting@example.kr"})
    (item,) = items.json()["items"]
    assert item["last_message"].startswith("환불 언제 해주냐")

    api.post(
        f"/api/v1/conversations/{sent['conversation_id']}/reply",
        json={"text": "환불은 오늘 오후 6시까지 처리해 드리겠습니다."},
    )
    items = api.get("/api/v1/conversations", params={"customer_email": "waiting@example.kr"})
    assert items.json()["items"][0]["last_message"].startswith("환불은 오늘")
