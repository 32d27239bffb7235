"""Abusive customers get escalating warnings, then the conversation ends; supervisors hear."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.protection.models import AbuseIncident, ProtectionPolicy
from tests.helpers import post_message
from tests.protection.conftest import signed_in

ABUSE = [
    "환불 언제 해줄 거야 이 씨발 놈들아",
    "야 너 미친놈이냐? 일을 이따위로 해?",
    "개새끼들 진짜 답답하네 배송 언제 와",
    "씨발 대답 좀 하라고",
]


def conversation(api: TestClient, conversation_id: int) -> Any:
    response = api.get(f"/api/v1/conversations/{conversation_id}")
    assert response.status_code == 200
    return response.json()


def notices(detail: Any) -> list[str]:
    """What the desk itself (no author) sent to the customer."""
    return [
        m["text"] for m in detail["messages"] if m["direction"] == "out" and m["author"] is None
    ]


def test_warnings_escalate_and_the_conversation_ends_after_the_limit(api: TestClient) -> None:
    email = {"email": "angry.customer@example.kr"}
    first = post_message(api, ABUSE[0], **email)
    detail = conversation(api, first["conversation_id"])
    assert len(notices(detail)) == 1
    assert "1차 안내" in notices(detail)[0]
    assert detail["status"] == "open"

    for text in ABUSE[1:3]:
        post_message(api, text, **email)
    detail = conversation(api, first["conversation_id"])
    sent = notices(detail)
    assert len(sent) == 3
    assert ["1차 안내" in sent[0], "2차 안내" in sent[1], "3차 안내" in sent[2]] == [True] * 3
    warnings = [e["data"]["number"] for e in detail["events"] if e["kind"] == "abuse_warning"]
    assert warnings == [1, 2, 3]
    assert detail["status"] == "open"

    last = post_message(api, ABUSE[3], **email)
    assert last["conversation_id"] == first["conversation_id"]
    detail = conversation(api, first["conversation_id"])
    assert detail["status"] == "closed"
    assert "상담을 종료합니다" in notices(detail)[-1]
    kinds = [e["kind"] for e in detail["events"]]
    assert kinds.count("abuse_warning") == 3 and "abuse_ended" in kinds
    assert [e for e in detail["events"] if e["kind"] == "status_changed"][-1]["data"]["new"] == (
        "closed"
    )
    # The second abusive message alerted supervisors (repeated abuse).
    alerts = [e["data"] for e in detail["events"] if e["kind"] == "abuse_alert"]
    assert alerts[0] == {"message_id": alerts[0]["message_id"], "alert": "repeated", "count": 2}


def test_a_polite_message_gets_no_warning(api: TestClient) -> None:
    sent = post_message(api, "배송이 또 늦어요. 정말 실망입니다.", email="calm@example.kr")
    detail = conversation(api, sent["conversation_id"])
    assert notices(detail) == []
    assert not [e for e in detail["events"] if e["kind"].startswith("abuse")]


def test_policy_can_end_at_the_first_threat_and_alerts_the_supervisor(
    api: TestClient, desk: Any, db: sessionmaker[Session]
) -> None:
    admin, token = signed_in(desk, "admin@demo.gonggam")
    page = admin.get("/protection/policy")
    assert page.status_code == 200 and "1차 안내" in page.text
    saved = admin.post(
        "/protection/policy",
        data={
            "csrf_token": token,
            "max_warnings": "3",
            "end_on_threat": "1",
            "warnings": "말씀을 삼가 주세요. (1차)\n계속되면 종료됩니다. (2차)",
            "final_notice": "위협 발언으로 상담을 종료합니다.",
            "alert_at": "2",
            "senior_team": "",
        },
    )
    assert saved.status_code == 200 and "저장했습니다" in saved.text

    sent = post_message(api, "너 집 찾아가서 죽여버린다", email="threat@example.kr")
    detail = conversation(api, sent["conversation_id"])
    assert detail["status"] == "closed"
    assert notices(detail) == ["위협 발언으로 상담을 종료합니다."]
    assert [e["data"]["alert"] for e in detail["events"] if e["kind"] == "abuse_alert"] == [
        "threat"
    ]

    supervisor, token = signed_in(desk, "supervisor@demo.gonggam")
    overview = supervisor.get("/protection")
    assert overview.status_code == 200
    assert f'href="/conversations/{sent["conversation_id"]}"' in overview.text
    assert "위협" in overview.text
    with db() as session:
        incident = session.scalar(
            select(AbuseIncident).where(AbuseIncident.message_id == sent["message_id"])
        )
        assert incident is not None and incident.alert == "threat"
        assert session.get(ProtectionPolicy, 1) is not None
    seen = supervisor.post(f"/protection/alerts/{incident.id}/seen", data={"csrf_token": token})
    assert seen.status_code == 200 and "박서준 팀장" not in seen.url.path
    assert "supervisor@demo.gonggam 확인" in supervisor.get("/protection").text


def test_agents_cannot_open_the_supervisor_pages(desk: Any) -> None:
    agent, _token = signed_in(desk, "agent@demo.gonggam")
    assert agent.get("/protection").status_code == 403
    assert agent.get("/protection/policy").status_code == 403
    assert agent.get("/customers/1/abuse-evidence").status_code == 403
