"""Roles and tokens: agents work conversations, only admins manage people."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import make_user, post_message


def client_for(api: TestClient, token: str) -> TestClient:
    return TestClient(api.app, headers={"Authorization": f"Bearer {token}"})


def test_agent_cannot_use_admin_endpoints(api: TestClient) -> None:
    agent = client_for(api, make_user(api, "agent1@desk.kr", "agent"))
    assert agent.get("/api/v1/users").status_code == 403
    refused = agent.post("/api/v1/users", json={"email": "x@desk.kr", "name": "x", "role": "admin"})
    assert refused.status_code == 403
    assert "admin" in refused.json()["detail"]
    assert agent.post("/api/v1/teams", json={"name": "t", "display_name": "t"}).status_code == 403
    assert agent.get("/metrics").status_code == 403


def test_agent_token_works_on_conversations(api: TestClient) -> None:
    agent = client_for(api, make_user(api, "agent2@desk.kr", "agent"))
    cid = post_message(api, "문의드려요")["conversation_id"]
    assert agent.get("/api/v1/me").json()["role"] == "agent"
    reply = agent.post(f"/api/v1/conversations/{cid}/reply", json={"text": "확인했습니다"})
    assert reply.status_code == 201
    assert reply.json()["author"] == "agent2@desk.kr"


def test_supervisor_reads_metrics(api: TestClient) -> None:
    supervisor = client_for(api, make_user(api, "lead@desk.kr", "supervisor"))
    post_message(api, "결제 오류가 났어요")
    metrics = supervisor.get("/metrics")
    assert metrics.status_code == 200
    assert "gonggam_messages_ingested_total" in metrics.text


def test_duplicate_user_is_409(api: TestClient) -> None:
    make_user(api, "same@desk.kr", "agent")
    again = api.post("/api/v1/users", json={"email": "same@desk.kr", "name": "s", "role": "agent"})
    assert again.status_code == 409


def test_passwords_are_stored_hashed(api: TestClient) -> None:
    from sqlalchemy import select

    from gonggam.accounts.models import User

    make_user(api, "hashed@desk.kr", "agent")
    factory = api.app.state.session_factory  # type: ignore[attr-defined]
    with factory() as session:
        user = session.scalar(select(User).where(User.email == "hashed@desk.kr"))
        assert user.password_hash.startswith("$argon2id$")
        assert "correct horse" not in user.password_hash
