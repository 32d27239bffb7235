"""Callbacks: the customer stops holding; agents see the masked number and call back."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry
from gonggam.conversations.models import Conversation, Event
from gonggam.routing.waittime import record_announcement, wait_for_conversation
from tests.helpers import make_team, make_user, post_message
from tests.routing.pages import sign_in

PHONE = "010-2345-6789"
LONG_WAIT = "상담원 연결이 너무 오래 걸리네요. 그냥 전화로 다시 연락 주세요"


def _queued_with_announcement(api: TestClient, factory: sessionmaker[Session]) -> int:
    make_team(api, "cs", [], default=True)
    conversation_id: int = post_message(api, LONG_WAIT, email="wait@example.kr")["conversation_id"]
    with factory() as session:
        conversation = session.get_one(Conversation, conversation_id)
        estimate = wait_for_conversation(session, conversation=conversation)
        assert estimate.position == 1
        record_announcement(session, conversation=conversation, estimate=estimate, channel="chat")
    return conversation_id


def test_callback_request_is_its_own_outcome_not_an_abandonment(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    conversation_id = _queued_with_announcement(api, factory)

    asked = api.post(f"/api/v1/conversations/{conversation_id}/callback", json={"phone": PHONE})
    assert asked.status_code == 201, asked.text
    body = asked.json()
    assert body["status"] == "open"
    assert body["phone"] == "***-****-****"
    assert PHONE not in asked.text

    # The customer never got an agent; the conversation ends unserved — still a callback.
    closed = api.post(
        f"/api/v1/conversations/{conversation_id}/status", json={"status": "resolved"}
    )
    assert closed.status_code == 200, closed.text
    report = api.get("/api/v1/reports/wait-accuracy").json()
    assert report["announced"] == 1
    assert report["callbacks"] == 1
    assert report["abandoned"] == 0
    assert report["served"] == 0


def test_callback_for_an_unknown_conversation_is_404_and_a_bad_number_is_422(
    api: TestClient,
) -> None:
    assert api.post("/api/v1/conversations/9999/callback", json={"phone": PHONE}).status_code == 404
    ids = post_message(api, LONG_WAIT, email="x@example.kr")
    bad = api.post(f"/api/v1/conversations/{ids['conversation_id']}/callback", json={"phone": ""})
    assert bad.status_code == 422


def test_team_list_and_completion_over_the_api(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    conversation_id = _queued_with_announcement(api, factory)
    agent = make_user(api, "minji@desk.kr", "agent", team="cs")
    as_agent = {"Authorization": f"Bearer {agent}"}
    callback = api.post(
        f"/api/v1/conversations/{conversation_id}/callback", json={"phone": PHONE}
    ).json()

    listed = api.get("/api/v1/callbacks", headers=as_agent)
    assert listed.status_code == 200
    assert [c["id"] for c in listed.json()] == [callback["id"]]

    done = api.post(f"/api/v1/callbacks/{callback['id']}/complete", headers=as_agent)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "done"
    assert done.json()["done_at"] is not None
    assert api.get("/api/v1/callbacks", headers=as_agent).json() == []
    with factory() as session:
        kinds = session.scalars(
            select(Event.kind).where(Event.conversation_id == conversation_id).order_by(Event.id)
        ).all()
    assert list(kinds[-2:]) == ["callback_requested", "callback_done"]
    assert api.post("/api/v1/callbacks/9999/complete", headers=as_agent).status_code == 404


def test_agent_sees_the_masked_number_reveals_it_audited_and_marks_it_done(
    api: TestClient, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    conversation_id = _queued_with_announcement(api, factory)
    make_user(api, "minji@desk.kr", "agent", team="cs")
    callback = api.post(
        f"/api/v1/conversations/{conversation_id}/callback", json={"phone": PHONE}
    ).json()

    with TestClient(app) as browser:
        csrf = sign_in(browser, "minji@desk.kr")
        inbox = browser.get("/inbox?tab=unassigned").text
        assert "콜백 요청 1건" in inbox
        assert f'id="team-callback-{callback["id"]}"' in inbox
        page = browser.get(f"/conversations/{conversation_id}").text
        assert 'id="callback-card"' in page
        assert "***-****-****" in page
        assert PHONE not in page

        revealed = browser.post(f"/callbacks/{callback['id']}/reveal", data={"csrf_token": csrf})
        assert revealed.status_code == 200
        assert PHONE in revealed.text

        done = browser.post(
            f"/callbacks/{callback['id']}/done",
            data={"csrf_token": csrf, "next": f"/conversations/{conversation_id}"},
        )
        assert done.status_code == 200
        assert "콜백 완료" in done.text
        assert 'id="callbacks-list"' not in browser.get("/inbox?tab=unassigned").text

    with factory() as session:
        reveals = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "callback.reveal")
        ).all()
        assert [r.actor_label for r in reveals] == ["minji@desk.kr"]
