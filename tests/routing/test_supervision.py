"""Supervisors acknowledge alerts; admins set SLA policies that new clocks follow."""

from __future__ import annotations

from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry
from gonggam.kit.clock import ensure_aware
from gonggam.routing.models import SlaClock, SupervisorAlert
from gonggam.routing.tasks import sla_pass
from tests.helpers import make_team, make_user, post_message
from tests.routing.pages import sign_in

COMPLAINT = "주문한 냉장고가 2주째 배송이 안 와요. 언제 오는지 확인 부탁드립니다"


def _alert(factory: sessionmaker[Session], conversation_id: int, kind: str) -> int:
    with factory() as session:
        alert = SupervisorAlert(conversation_id=conversation_id, kind=kind, detail="두 번째 이관")
        session.add(alert)
        session.commit()
        return alert.id


def test_acknowledged_alerts_leave_the_list_and_the_audit_keeps_who(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    ids = post_message(api, COMPLAINT, email="a@example.kr")
    first = _alert(factory, ids["conversation_id"], "repeated_transfer")
    second = _alert(factory, ids["conversation_id"], "sla_breached.first_response")
    lead = make_user(api, "lead@desk.kr", "supervisor")
    agent = make_user(api, "minji@desk.kr", "agent")

    refused = api.post(
        f"/api/v1/alerts/{first}/acknowledge", headers={"Authorization": f"Bearer {agent}"}
    )
    assert refused.status_code == 403
    done = api.post(
        f"/api/v1/alerts/{first}/acknowledge", headers={"Authorization": f"Bearer {lead}"}
    )
    assert done.status_code == 200, done.text
    assert done.json()["acknowledged_at"] is not None
    assert [a["id"] for a in api.get("/api/v1/alerts").json()] == [second]
    assert api.post("/api/v1/alerts/9999/acknowledge").status_code == 404
    with factory() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "alert.acknowledge")
        ).all()
        assert [(e.actor_label, e.target) for e in entries] == [("lead@desk.kr", f"alert:{first}")]


def test_the_routing_page_acknowledge_button(
    api: TestClient, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    ids = post_message(api, COMPLAINT, email="a@example.kr")
    alert = _alert(factory, ids["conversation_id"], "repeated_transfer")
    make_user(api, "lead@desk.kr", "supervisor")
    with TestClient(app) as browser:
        csrf = sign_in(browser, "lead@desk.kr")
        page = browser.get("/routing").text
        assert f'id="alert-{alert}"' in page
        # Supervisors do not get the SLA policy form; that is for admins.
        assert 'id="sla-policies"' not in page
        after = browser.post(f"/routing/alerts/{alert}/acknowledge", data={"csrf_token": csrf})
        assert after.status_code == 200
        assert f'id="alert-{alert}"' not in after.text
        assert "확인할 알림이 없습니다." in after.text


POLICY = {
    "name": "이메일 보통",
    "priority": 1,
    "channel": "email",
    "first_response_minutes": 30,
    "resolution_minutes": 120,
    "business_hours": False,
}


def _clock(factory: sessionmaker[Session], conversation_id: int) -> SlaClock:
    with factory() as session:
        clock = session.get_one(SlaClock, conversation_id)
        session.expunge(clock)
        return clock


def test_admins_set_sla_policies_and_new_clocks_follow_them(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    agent = make_user(api, "minji@desk.kr", "agent")
    as_agent = {"Authorization": f"Bearer {agent}"}
    assert api.get("/api/v1/sla-policies", headers=as_agent).status_code == 403
    assert api.post("/api/v1/sla-policies", json=POLICY, headers=as_agent).status_code == 403

    defaults = api.get("/api/v1/sla-policies").json()
    assert {p["name"] for p in defaults} >= {"긴급", "보통"}
    created = api.post("/api/v1/sla-policies", json=POLICY)
    assert created.status_code == 201, created.text
    policy = created.json()
    assert api.post("/api/v1/sla-policies", json=POLICY).status_code == 409

    before = post_message(api, COMPLAINT, channel="email", email="mail@example.kr")
    clock = _clock(factory, before["conversation_id"])
    assert clock.policy_id == policy["id"]
    started = ensure_aware(clock.started_at)
    assert ensure_aware(clock.first_response_due) - started == timedelta(minutes=30)

    changed = api.put(
        f"/api/v1/sla-policies/{policy['id']}", json={**POLICY, "first_response_minutes": 15}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["first_response_minutes"] == 15

    after = post_message(api, COMPLAINT, channel="email", email="other@example.kr")
    fresh = _clock(factory, after["conversation_id"])
    assert ensure_aware(fresh.first_response_due) - ensure_aware(fresh.started_at) == timedelta(
        minutes=15
    )
    # The clock already running keeps the target it started with.
    assert _clock(factory, before["conversation_id"]).first_response_due == clock.first_response_due


def test_the_admin_form_on_the_routing_page(
    api: TestClient, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    make_team(api, "cs", [], default=True)
    make_user(api, "boss@desk.kr", "admin")
    make_user(api, "lead@desk.kr", "supervisor")
    with TestClient(app) as browser:
        csrf = sign_in(browser, "boss@desk.kr")
        page = browser.get("/routing").text
        assert 'id="sla-policies"' in page
        added = browser.post(
            "/routing/sla-policies",
            data={
                "csrf_token": csrf,
                "name": "소셜 긴급",
                "priority": "3",
                "channel": "social",
                "first_response_minutes": "20",
                "resolution_minutes": "180",
            },
        )
        assert added.status_code == 200
        assert 'value="소셜 긴급"' in added.text
    with TestClient(app) as browser:
        csrf = sign_in(browser, "lead@desk.kr")
        refused = browser.post(
            "/routing/sla-policies",
            data={
                "csrf_token": csrf,
                "name": "x",
                "first_response_minutes": "1",
                "resolution_minutes": "1",
            },
        )
        assert refused.status_code == 403
    listed = {p["name"]: p for p in api.get("/api/v1/sla-policies").json()}
    assert listed["소셜 긴급"]["business_hours"] is False
    assert listed["소셜 긴급"]["priority"] == 3


def test_the_routing_page_names_alerts_in_the_readers_language(
    api: TestClient, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    """A breach reads "첫 응답 목표", not the stored code and a UTC timestamp."""
    breached = post_message(api, "환불 언제 돼요? 일주일째 기다리고 있어요", email="b@example.kr")
    with factory() as session:
        clock = session.get_one(SlaClock, breached["conversation_id"])
        clock.first_response_due = clock.first_response_due - timedelta(days=30)
        session.commit()
    assert sla_pass(factory) == 1
    moved = post_message(api, COMPLAINT, email="a@example.kr")
    with factory() as session:
        session.add(
            SupervisorAlert(
                conversation_id=moved["conversation_id"],
                kind="repeated_transfer",
                detail="transfer #2: expert: 결제 모듈 로그 확인 필요",
            )
        )
        session.commit()
    make_user(api, "lead@desk.kr", "supervisor")
    with TestClient(app) as browser:
        sign_in(browser, "lead@desk.kr")
        korean = browser.get("/routing").text
        english = browser.get("/routing?lang=en").text
    assert "SLA 초과" in korean and "첫 응답 목표" in korean
    assert "전문가 필요: 결제 모듈 로그 확인 필요" in korean
    assert "First-response target" in english
    for page in (korean, english):
        assert "first_response" not in page
        assert "+00:00" not in page
        assert "transfer #2" not in page
