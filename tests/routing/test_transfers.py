"""Transfers: a reason is required, the second transfer alerts the supervisor, the report."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import make_team, post_message


def test_second_transfer_alerts_and_report_counts_reasons(api: TestClient) -> None:
    make_team(api, "cs", [], default=True)
    make_team(api, "billing", [])
    make_team(api, "tech", [])
    cid = post_message(api, "결제가 두 번 됐는데 앱도 안 열려요", email="t@example.kr")[
        "conversation_id"
    ]
    no_reason = api.post(f"/api/v1/conversations/{cid}/transfer", json={"team": "billing"})
    assert no_reason.status_code == 422
    first = api.post(
        f"/api/v1/conversations/{cid}/transfer", json={"team": "billing", "reason": "not_our_team"}
    )
    assert first.status_code == 200, first.text
    assert api.get("/api/v1/alerts").json() == []
    second = api.post(
        f"/api/v1/conversations/{cid}/transfer",
        json={"team": "tech", "reason": "expert: 앱 오류는 기술팀"},
    )
    assert second.status_code == 200, second.text
    kinds = [e["kind"] for e in second.json()["events"]]
    assert "transfer_alert" in kinds
    assert [a["kind"] for a in api.get("/api/v1/alerts").json()] == ["repeated_transfer"]

    report = api.get("/api/v1/reports/transfers").json()
    assert report["transfers"] == 2 and report["repeated"] == 1
    assert report["by_reason"] == {"not_our_team": 1, "expert": 1}
    assert report["transfer_rate"] == 1.0


def test_queues_list_teams_with_waiting_and_estimate(api: TestClient) -> None:
    make_team(api, "cs", [], default=True)
    post_message(api, "배송 언제 와요?", email="w1@example.kr")
    post_message(api, "배송지 변경하고 싶어요", email="w2@example.kr")
    items = api.get("/api/v1/queues").json()["items"]
    assert items == [
        {
            "name": "cs",
            "display_name": "cs",
            "waiting": 2,
            "agents_available": 0,
            "estimated_wait_seconds": None,  # nobody online: unknown, not guessed
        }
    ]
