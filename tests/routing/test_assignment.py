"""Automatic assignment: skills, capacity, presence, priority with aging, round-robin."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Conversation
from gonggam.kit.clock import utcnow
from gonggam.routing import queue
from tests.helpers import make_team, make_user, post_message

REFUND = "환불 신청했는데 아직도 돈이 안 들어왔어요ㅠㅠ 언제 환불되나요?"
DELIVERY = "주문한지 일주일 됐는데 배송이 안와요 언제 오나요"


def online(api: TestClient, email: str, **profile: object) -> None:
    if profile:
        r = api.put(f"/api/v1/agents/{email}/profile", json=profile)
        assert r.status_code == 200, r.text
    r = api.put(f"/api/v1/agents/{email}/presence", json={"presence": "online"})
    assert r.status_code == 200, r.text


def assignee(api: TestClient, conversation_id: int) -> str | None:
    got: str | None = api.get(f"/api/v1/conversations/{conversation_id}").json()["assignee"]
    return got


def test_the_agent_with_the_matching_skill_gets_it_even_when_busier(api: TestClient) -> None:
    make_team(api, "cs", [], default=True)
    make_user(api, "generalist@desk.kr", "agent", team="cs")
    make_user(api, "refunds@desk.kr", "agent", team="cs")
    online(api, "generalist@desk.kr", chat_capacity=3)
    online(api, "refunds@desk.kr", chat_capacity=3, skills=["refund_exchange"])

    first = post_message(api, REFUND, email="a@example.kr")["conversation_id"]
    second = post_message(api, "환불 아직이에요? 카드 취소 확인이 안 돼요", email="b@example.kr")
    assert assignee(api, first) == "refunds@desk.kr"
    assert assignee(api, second["conversation_id"]) == "refunds@desk.kr"
    delivery = post_message(api, DELIVERY, email="c@example.kr")["conversation_id"]
    # No skill match: the lighter-loaded agent takes it.
    assert assignee(api, delivery) == "generalist@desk.kr"


def test_capacity_full_queues_and_resolving_frees_the_seat_at_once(api: TestClient) -> None:
    make_team(api, "cs", [], default=True)
    make_user(api, "jisoo@desk.kr", "agent", team="cs")
    online(api, "jisoo@desk.kr", chat_capacity=1)

    busy = post_message(api, DELIVERY, email="a@example.kr")["conversation_id"]
    waiting = post_message(api, REFUND, email="b@example.kr")["conversation_id"]
    assert assignee(api, busy) == "jisoo@desk.kr"
    assert assignee(api, waiting) is None
    wait = api.get(f"/api/v1/conversations/{waiting}/wait").json()
    assert wait["position"] == 1
    assert wait["estimated_wait_seconds"] is not None and wait["estimated_wait_seconds"] > 0
    assert "예상 대기 시간 약" in wait["announcement"]

    r = api.post(f"/api/v1/conversations/{busy}/status", json={"status": "resolved"})
    assert r.status_code == 200, r.text
    assert assignee(api, waiting) == "jisoo@desk.kr"
    assert api.get(f"/api/v1/conversations/{waiting}/wait").json()["position"] is None


def test_going_online_and_raising_capacity_take_from_the_queue(api: TestClient) -> None:
    make_team(api, "cs", [], default=True)
    make_user(api, "minho@desk.kr", "agent", team="cs")
    ids = [
        post_message(api, text, email=f"q{i}@example.kr")["conversation_id"]
        for i, text in enumerate((DELIVERY, REFUND, "로그인이 안돼요 비번 재설정 메일이 안와요"))
    ]
    assert [assignee(api, i) for i in ids] == [None, None, None]
    api.put("/api/v1/agents/minho@desk.kr/profile", json={"chat_capacity": 1})
    online(api, "minho@desk.kr")
    assert [assignee(api, i) for i in ids] == ["minho@desk.kr", None, None]
    r = api.put("/api/v1/agents/minho@desk.kr/profile", json={"chat_capacity": 3})
    assert r.json()["live_load"] == 3
    assert [assignee(api, i) for i in ids] == ["minho@desk.kr"] * 3


def test_agents_of_another_team_and_english_without_the_skill_are_not_used(
    api: TestClient,
) -> None:
    make_team(api, "billing", ["billing", "payment_error"])
    make_team(api, "cs", [], default=True)
    make_user(api, "billing@desk.kr", "agent", team="billing")
    make_user(api, "cs@desk.kr", "agent", team="cs")
    online(api, "billing@desk.kr")
    online(api, "cs@desk.kr")
    english = post_message(
        api,
        "Hi, my parcel hasn't arrived yet and the tracking page shows nothing.",
        email="e@x.com",
    )["conversation_id"]
    assert assignee(api, english) is None  # nobody speaks English yet
    api.put("/api/v1/agents/billing@desk.kr/profile", json={"skills": ["en"]})
    assert assignee(api, english) is None  # the English speaker is in another team
    api.put("/api/v1/agents/cs@desk.kr/profile", json={"skills": ["en"]})
    assert assignee(api, english) == "cs@desk.kr"


def test_round_robin_among_equal_agents(api: TestClient) -> None:
    make_team(api, "cs", [], default=True)
    for name in ("a", "b", "c"):
        make_user(api, f"{name}@desk.kr", "agent", team="cs")
        online(api, f"{name}@desk.kr", chat_capacity=5)
    got = [
        assignee(api, post_message(api, DELIVERY, email=f"r{i}@example.kr")["conversation_id"])
        for i in range(6)
    ]
    assert sorted(got[:3]) == ["a@desk.kr", "b@desk.kr", "c@desk.kr"]
    assert got[3:] == got[:3]


def test_priority_goes_first_but_aging_lets_the_long_waiter_through(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    make_team(api, "cs", [], default=True)
    calm = post_message(api, DELIVERY, email="calm@example.kr")["conversation_id"]
    urgent = post_message(
        api,
        "지금 당장 결제가 두 번 빠져나갔어요!! 오늘 안에 해결 안 되면 신고합니다",
        email="u@x.kr",
    )["conversation_id"]
    with factory() as session:
        order = [c.id for c in queue.queued(session)]
        assert order.index(urgent) < order.index(calm)
        # The calm customer has in fact waited 45 minutes: aging puts them first.
        waiting = session.get_one(Conversation, calm)
        waiting.waiting_since = utcnow() - timedelta(minutes=45)
        session.commit()
        assert [c.id for c in queue.queued(session)].index(calm) == 0
