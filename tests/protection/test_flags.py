"""Churn risk from the customer's history, and flags that rank conversations higher."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from gonggam.corrections.tasks import learn_from_corrections
from gonggam.jobs.passes import all_passes
from tests.helpers import post_message
from tests.protection.conftest import signed_in


def close(api: TestClient, conversation_id: int) -> None:
    response = api.post(
        f"/api/v1/conversations/{conversation_id}/status", json={"status": "closed"}
    )
    assert response.status_code == 200, response.text


def test_churn_risk_rises_after_bad_experiences(api: TestClient, desk: Any) -> None:
    email = {"email": "leaving@example.kr"}
    first = post_message(api, "배송이 벌써 세 번째 늦어요. 정말 화가 납니다.", **email)
    triage = api.get(f"/api/v1/conversations/{first['conversation_id']}").json()["triage"]
    assert triage["churn_risk"] == "low"
    close(api, first["conversation_id"])

    second = post_message(api, "환불 요청했는데 아직도 처리가 안 됐네요. 짜증나요.", **email)
    detail = api.get(f"/api/v1/conversations/{second['conversation_id']}").json()
    assert detail["triage"]["churn_risk"] == "elevated"
    assert detail["priority"] in ("high", "urgent")  # flagged, so it ranks higher
    assert [e["data"]["risk"] for e in detail["events"] if e["kind"] == "churn_risk"] == [
        "elevated"
    ]
    close(api, second["conversation_id"])

    third = post_message(api, "안녕하세요, 주문 내역 확인 부탁드립니다.", **email)
    detail = api.get(f"/api/v1/conversations/{third['conversation_id']}").json()
    assert detail["triage"]["churn_risk"] == "high"

    agent, _ = signed_in(desk, "agent@demo.gonggam")
    page = agent.get(f"/conversations/{third['conversation_id']}").text
    assert 'class="chip flag flag-churn">이탈 위험</span>' in page
    inbox = agent.get("/inbox?tab=all").text
    row = inbox.split(f'data-conversation="{third["conversation_id"]}"')[1].split("</a>")[0]
    assert "flag-churn" in row


def test_abusive_and_public_conversations_rank_above_calm_ones(api: TestClient, desk: Any) -> None:
    calm = post_message(api, "주문 내역 확인 부탁드립니다.", email="calm.one@example.kr")
    rude = post_message(api, "씨발 주문 내역 좀 확인해", email="rude.one@example.kr")
    agent, token = signed_in(desk, "supervisor@demo.gonggam")
    marked = agent.post(
        f"/conversations/{calm['conversation_id']}/public", data={"csrf_token": token}
    )
    assert marked.status_code == 200 and "flag-public" in marked.text
    inbox = agent.get("/inbox?tab=all").text
    order = [int(x) for x in re.findall(r'data-conversation="(\d+)"', inbox)]
    demo_normal = [
        c["id"]
        for c in api.get("/api/v1/conversations?status=open").json()["items"]
        if c["priority"] == "normal"
    ]
    for flagged in (calm["conversation_id"], rude["conversation_id"]):
        assert all(order.index(flagged) < order.index(n) for n in demo_normal if n in order)
    assert "flag-abuse" in inbox.split(f'data-conversation="{rude["conversation_id"]}"')[1][:3000]


def test_the_worker_learns_daily(db: sessionmaker[Session]) -> None:
    learning = [p for p in all_passes() if p.name == "triage-learning"]
    assert learning and learning[0].every_seconds == 24 * 3600
    assert learn_from_corrections(db) == 0  # no corrections yet: nothing trained


def test_urgent_is_said_once_next_to_the_priority(api: TestClient, desk: Any) -> None:
    """An urgent conversation reads "긴급" once in its header and its inbox row, not twice."""
    urgent = post_message(
        api,
        "환불 요청합니다. 받은 운동화 밑창이 이틀 만에 떨어졌습니다. 전액 환불에 보상금까지 "
        "요구합니다. 안 해주시면 소비자원에 신고하겠습니다.",
        email="sole.broken@example.kr",
    )
    conversation_id = urgent["conversation_id"]
    assert api.get(f"/api/v1/conversations/{conversation_id}").json()["priority"] == "urgent"
    agent, _ = signed_in(desk, "supervisor@demo.gonggam")
    page = agent.get(f"/conversations/{conversation_id}").text
    head = page.split('id="conv-head"')[1].split("</div>")[0]
    assert head.count(">긴급<") == 1
    inbox = agent.get("/inbox?tab=all").text
    row = inbox.split(f'data-conversation="{conversation_id}"')[1].split("</a>")[0]
    assert row.count(">긴급<") == 1
