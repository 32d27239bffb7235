"""Admins add their own intents; triage, routing, corrections and pages use them."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry
from tests.helpers import make_user, post_message
from tests.protection.conftest import signed_in

POINTS = {
    "name": "membership_points",
    "label_ko": "멤버십 포인트",
    "label_en": "Membership points",
    "cues_ko": ["포인트 적립", "적립금", "멤버십 포인트"],
    "cues_en": ["reward points"],
    "team": "billing",
}


def test_a_custom_intent_is_detected_routed_labelled_and_correctable(
    api: TestClient, desk: Any, db: sessionmaker[Session]
) -> None:
    created = api.post("/api/v1/intents", json=POINTS)
    assert created.status_code == 201, created.text
    assert created.json()["team"] == "billing"
    teams = {t["name"]: t for t in api.get("/api/v1/teams").json()}
    assert "membership_points" in teams["billing"]["intents"]

    sent = post_message(api, "어제 산 옷 포인트 적립이 안됐어요ㅠ", email="points@example.kr")
    detail = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()
    assert detail["triage"]["intent"] == "membership_points"
    assert detail["team"] == "billing"
    # A default-intent message keeps its label and its team.
    parcel = post_message(api, "택배가 일주일째 안 와요", email="parcel@example.kr")
    other = api.get(f"/api/v1/conversations/{parcel['conversation_id']}").json()
    assert other["triage"]["intent"] == "delivery" and other["team"] == "delivery"

    agent, token = signed_in(desk, "agent@demo.gonggam")
    page = agent.get(f"/conversations/{sent['conversation_id']}").text
    assert "<dd>멤버십 포인트</dd>" in page  # the intent's own label, not its slug
    assert '<option value="membership_points" selected>멤버십 포인트</option>' in page
    english = agent.get(f"/conversations/{parcel['conversation_id']}?lang=en").text
    assert '<option value="membership_points">Membership points</option>' in english

    # An agent corrects a message to the organisation's intent: stored like any label.
    corrected = agent.post(
        f"/conversations/{parcel['conversation_id']}/triage",
        data={"csrf_token": token, "intent": "membership_points"},
        follow_redirects=False,
    )
    assert corrected.status_code == 303
    after = api.get(f"/api/v1/conversations/{parcel['conversation_id']}").json()
    assert after["triage"]["intent"] == "membership_points"

    with db() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert "intent.create" in actions


def test_only_admins_manage_intents(api: TestClient, desk: Any) -> None:
    token = make_user(api, "newbie@example.kr", "agent")
    agent = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/intents", headers=agent).status_code == 403
    assert api.post("/api/v1/intents", json=POINTS, headers=agent).status_code == 403
    api.post("/api/v1/intents", json=POINTS)
    assert api.delete("/api/v1/intents/membership_points", headers=agent).status_code == 403
    page_agent, _ = signed_in(desk, "agent@demo.gonggam")
    assert page_agent.get("/admin/intents").status_code == 403
    assert 'id="nav-intents"' not in page_agent.get("/inbox").text

    # Removing the intent takes it off its team; messages fall back to the defaults.
    assert api.delete("/api/v1/intents/membership_points").status_code == 204
    assert api.get("/api/v1/intents").json() == []
    teams = {t["name"]: t for t in api.get("/api/v1/teams").json()}
    assert "membership_points" not in teams["billing"]["intents"]
    sent = post_message(api, "적립금이 안 들어왔어요", email="late@example.kr")
    intent = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()["triage"]
    assert intent["intent"] != "membership_points"


def test_admins_add_an_intent_on_the_page(api: TestClient, desk: Any) -> None:
    admin, token = signed_in(desk, "admin@demo.gonggam")
    page = admin.get("/admin/intents")
    assert page.status_code == 200 and "문의 유형 관리" in page.text
    refused = admin.post(
        "/admin/intents",
        data={"csrf_token": token, "name": "delivery", "label_ko": "배송", "cues_ko": "배송"},
    )
    assert refused.status_code == 409 and "built-in" in refused.text
    added = admin.post(
        "/admin/intents",
        data={
            "csrf_token": token,
            "name": "gift_wrap",
            "label_ko": "선물 포장",
            "label_en": "Gift wrapping",
            "cues_ko": "선물 포장\n포장지, 리본",
            "team": "delivery",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    listed = api.get("/api/v1/intents").json()
    assert listed[0]["cues_ko"] == ["선물 포장", "포장지", "리본"]
    assert listed[0]["team"] == "delivery"
    sent = post_message(api, "선물 포장 가능한가요? 리본도 달아주세요", email="gift@example.kr")
    detail = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()
    assert detail["triage"]["intent"] == "gift_wrap" and detail["team"] == "delivery"
