"""SLA clocks in Korean business hours, paused while waiting on the customer; breach alerts."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Conversation, Status
from gonggam.routing import sla
from gonggam.routing.businesstime import KST, add_business_seconds, business_seconds_between
from gonggam.routing.models import SlaClock, SlaPolicy, SupervisorAlert
from gonggam.routing.tasks import sla_pass
from tests.helpers import post_message


def kst(*args: int) -> datetime:
    return datetime(*args, tzinfo=KST)  # type: ignore[misc]


def test_four_business_hours_from_friday_afternoon_end_on_monday() -> None:
    assert add_business_seconds(kst(2026, 11, 20, 16, 0), 4 * 3600) == kst(2026, 11, 23, 11, 0)


def test_chuseok_2026_is_skipped() -> None:
    # 9/24–26 is 추석 (Thu–Sat): Wednesday 17:00 + 4 h → Monday 9/28 12:00.
    assert add_business_seconds(kst(2026, 9, 23, 17, 0), 4 * 3600) == kst(2026, 9, 28, 12, 0)
    assert business_seconds_between(kst(2026, 9, 23, 17, 0), kst(2026, 9, 28, 12, 0)) == 4 * 3600


def test_seollal_2027_with_its_substitute_holiday() -> None:
    # 설날 2027: 2/6–2/8 and the substitute holiday 2/9; Friday 2/5 17:30 + 1 h → 2/10 09:30.
    assert add_business_seconds(kst(2027, 2, 5, 17, 30), 3600) == kst(2027, 2, 10, 9, 30)


def test_clock_pauses_while_pending_and_due_moves_by_the_pause(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    ids = post_message(api, "주문한지 일주일 됐는데 배송이 안와요", email="p@example.kr")
    with factory() as session:
        conversation = session.get_one(Conversation, ids["conversation_id"])
        clock = session.get_one(SlaClock, conversation.id)
        policy = session.get_one(SlaPolicy, clock.policy_id)
        assert policy.priority == conversation.priority and policy.business_hours
        # Re-base the clock on a known Monday morning for exact arithmetic.
        clock.started_at = kst(2026, 11, 23, 9, 0)
        clock.paused_seconds = 0
        sla._set_dues(clock, policy)
        due = clock.first_response_due
        conversation.status = Status.pending.value
        sla.follow(session, conversation=conversation, now=kst(2026, 11, 23, 10, 0))
        frozen = sla.state_of(conversation, clock, policy, now=kst(2026, 11, 24, 17, 0))
        assert frozen is not None and frozen.state == "paused"
        assert frozen.seconds_left == 3 * 3600  # what was left at 10:00, however late it is now
        conversation.status = Status.open.value
        # Resumed after two business hours on hold: everything is due two hours later.
        sla.follow(session, conversation=conversation, now=kst(2026, 11, 23, 12, 0))
        assert clock.first_response_due == add_business_seconds(due, 2 * 3600)
        session.commit()


def test_breach_raises_one_event_and_one_supervisor_alert(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    ids = post_message(api, "환불 언제 돼요? 일주일째 기다리고 있어요", email="b@example.kr")
    with factory() as session:
        clock = session.get_one(SlaClock, ids["conversation_id"])
        clock.first_response_due = clock.first_response_due - timedelta(days=30)
        session.commit()
    assert sla_pass(factory) == 1
    assert sla_pass(factory) == 0  # alerted once
    with factory() as session:
        alerts = list(session.scalars(select(SupervisorAlert)))
        assert [a.kind for a in alerts] == ["sla_breached.first_response"]
    events = api.get(f"/api/v1/conversations/{ids['conversation_id']}").json()["events"]
    assert "sla_breached" in [e["kind"] for e in events]
    assert api.get("/api/v1/alerts").json()[0]["conversation_id"] == ids["conversation_id"]
