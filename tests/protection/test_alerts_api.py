"""Supervisors read and acknowledge abuse alerts over the JSON API; the public-complaint button."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry
from tests.helpers import make_user, post_message
from tests.protection.conftest import signed_in


def test_alerts_are_listed_unacknowledged_first_and_acknowledged_with_an_audit(
    api: TestClient, db: sessionmaker[Session]
) -> None:
    email = {"email": "shouting@example.kr"}
    first = post_message(api, "환불 언제 해줄 거야 이 씨발 놈들아", **email)
    post_message(api, "야 너 미친놈이냐? 일을 이따위로 해?", **email)
    supervisor = {"Authorization": f"Bearer {make_user(api, 'lead@example.kr', 'supervisor')}"}
    agent = {"Authorization": f"Bearer {make_user(api, 'desk@example.kr', 'agent')}"}
    assert api.get("/api/v1/protection/alerts", headers=agent).status_code == 403

    alerts = api.get("/api/v1/protection/alerts", headers=supervisor).json()
    mine = [a for a in alerts if a["conversation_id"] == first["conversation_id"]]
    assert len(mine) == 1 and mine[0]["kind"] == "repeated"
    assert mine[0]["acknowledged"] is False and mine[0]["abuse_kinds"]
    alert_id = mine[0]["id"]

    refused = api.post(f"/api/v1/protection/alerts/{alert_id}/acknowledge", headers=agent)
    assert refused.status_code == 403
    done = api.post(f"/api/v1/protection/alerts/{alert_id}/acknowledge", headers=supervisor)
    assert done.status_code == 200
    assert done.json()["acknowledged"] is True
    assert done.json()["acknowledged_by"] == "lead@example.kr"
    again = api.post(f"/api/v1/protection/alerts/{alert_id}/acknowledge", headers=supervisor)
    assert again.json()["acknowledged_at"] == done.json()["acknowledged_at"]

    open_ids = [
        a["id"]
        for a in api.get("/api/v1/protection/alerts?acknowledged=false", headers=supervisor).json()
    ]
    seen_ids = [
        a["id"]
        for a in api.get("/api/v1/protection/alerts?acknowledged=true", headers=supervisor).json()
    ]
    assert alert_id not in open_ids and alert_id in seen_ids
    assert api.post("/api/v1/protection/alerts/999999/acknowledge").status_code == 404
    with db() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "abuse.alert_seen")
        ).all()
    assert [a.target for a in audited] == [f"incident:{alert_id}"]


def test_the_public_complaint_button_marks_the_conversation_and_raises_it(
    api: TestClient, desk: Any
) -> None:
    sent = post_message(api, "주문 내역 확인 부탁드립니다.", email="reviewer@example.kr")
    url = f"/conversations/{sent['conversation_id']}"
    assert api.get(f"/api/v1{url}").json()["priority"] == "normal"
    agent, token = signed_in(desk, "agent@demo.gonggam")
    page = agent.get(url).text
    assert 'id="mark-public"' in page and "공개 민원으로 표시" in page
    assert f'action="{url}/public"' in page

    marked = agent.post(f"{url}/public", data={"csrf_token": token}, follow_redirects=False)
    assert marked.status_code == 303 and marked.headers["location"] == url
    after = agent.get(url).text
    assert "flag-public" in after and 'id="mark-public"' not in after
    detail = api.get(f"/api/v1{url}").json()
    assert detail["priority"] == "high"
    assert [e["kind"] for e in detail["events"]].count("marked_public") == 1
