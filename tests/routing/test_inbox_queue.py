"""The inbox's queue positions: the same as the customer is told, read once per request."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from gonggam.app import create_app
from gonggam.conversations.models import Conversation
from gonggam.customers.models import Customer
from gonggam.kit.clock import utcnow
from gonggam.routing.models import Team
from gonggam.routing.views import inbox_context
from gonggam.routing.waittime import wait_for_conversation
from tests.conftest import API_TOKEN, make_settings
from tests.helpers import make_team, make_user, post_message
from tests.web.test_views import sign_in

WAITING = 40


def _busy_desk(api: TestClient, factory: sessionmaker[Session]) -> None:
    """One agent online and full, and WAITING customers queued behind them."""
    make_team(api, "cs", [], default=True)
    make_user(api, "jisoo@desk.kr", "agent", team="cs")
    r = api.put("/api/v1/agents/jisoo@desk.kr/profile", json={"chat_capacity": 1})
    assert r.status_code == 200, r.text
    r = api.put("/api/v1/agents/jisoo@desk.kr/presence", json={"presence": "online"})
    assert r.status_code == 200, r.text
    post_message(api, "주문한 신발 배송이 아직도 안 왔어요", email="first@example.kr")
    now = utcnow()
    with factory() as session:
        team = session.scalars(select(Team).where(Team.name == "cs")).one()
        for n in range(WAITING):
            customer = Customer(name=f"고객{n}")
            session.add(customer)
            session.flush()
            session.add(
                Conversation(
                    customer_id=customer.id,
                    channel="email" if n % 5 == 0 else "chat",
                    priority=3 if n % 7 == 0 else 1,
                    team_id=team.id,
                    waiting_since=now - timedelta(minutes=n),
                    subject="환불 언제 되나요?",
                )
            )
        session.commit()


def test_inbox_positions_match_what_each_customer_is_told(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    _busy_desk(api, factory)
    now = utcnow()
    with factory() as session:
        rows = list(session.scalars(select(Conversation).order_by(Conversation.id)))
        shown = inbox_context(session, rows, now=now)["queue_waits"]
        told = {
            c.id: wait_for_conversation(session, conversation=c, now=now)
            for c in rows
            if c.id in shown
        }
    assert len(shown) == WAITING
    assert shown == told
    # Chat and e-mail queue separately; an agent is online, so every wait has an estimate.
    positions = sorted(w.position or 0 for w in shown.values())
    assert positions[:2] == [1, 1]
    assert all(w.estimated_wait_seconds is not None for w in shown.values())


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_the_inbox_reads_the_queues_once_not_once_per_waiting_row(
    api: TestClient, app: FastAPI, factory: sessionmaker[Session]
) -> None:
    _busy_desk(api, factory)
    with TestClient(app) as browser:
        token = re.search(r'name="csrf-token" content="([^"]+)"', browser.get("/login").text)
        assert token
        signed_in = browser.post(
            "/login",
            data={
                "email": "jisoo@desk.kr",
                "password": "correct horse battery",
                "csrf_token": token.group(1),
            },
            follow_redirects=False,
        )
        assert signed_in.status_code == 303, signed_in.text
        engine = app.state.session_factory.kw["bind"]
        with counting(engine) as statements:
            page = browser.get("/inbox?tab=unassigned")
    assert page.status_code == 200
    assert page.text.count('class="queue-pos"') == WAITING
    assert "대기 1번째" in page.text
    assert len(statements) < 30, f"{len(statements)} statements"


def test_sla_under_an_hour_reads_in_minutes(demo_url: str) -> None:
    """The demo's urgent policy (30 minutes, around the clock): "29분 남음", never "0시간"."""
    with TestClient(create_app(make_settings(demo_url))) as client:
        client.headers["Authorization"] = f"Bearer {API_TOKEN}"
        urgent = post_message(
            client,
            "환불 요청합니다. 받은 운동화 밑창이 이틀 만에 떨어졌습니다. 전액 환불에 보상금까지 "
            "요구합니다. 안 해주시면 소비자원에 신고하겠습니다.",
            email="sole.broken@example.kr",
        )
        del client.headers["Authorization"]
        sign_in(client, "supervisor@demo.gonggam")
        inbox = client.get("/inbox?tab=all").text
        english = client.get("/inbox?tab=all&lang=en").text
    row = inbox.split(f'data-conversation="{urgent["conversation_id"]}"')[1].split("</a>")[0]
    assert re.search(r"SLA 정상 · (29|30)분 남음", row), row
    assert "0시간" not in inbox
    assert "0 h " not in english
