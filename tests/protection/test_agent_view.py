"""What agents see: masked abuse, their own preference, audited reveals, hand-over, ending."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry
from tests.helpers import post_message
from tests.protection.conftest import signed_in

ABUSIVE = "환불 언제 해줄 거야 이 씨발 놈들아 010-2345-6789 로 전화해"


def test_abuse_is_masked_for_the_agent_and_reveal_is_audited(
    api: TestClient, desk: Any, db: sessionmaker[Session]
) -> None:
    sent = post_message(api, ABUSIVE, email="masked@example.kr")
    agent, token = signed_in(desk, "agent@demo.gonggam")
    page = agent.get(f"/conversations/{sent['conversation_id']}")
    assert page.status_code == 200
    assert "씨발" not in page.text
    assert '<span class="abuse-mask"' in page.text and ">욕설</span>" in page.text
    assert "환불 언제 해줄 거야 이 " in page.text  # the rest of the message stays readable
    assert "010-2345-6789" not in page.text  # personal data stays masked too

    revealed = agent.post(
        f"/messages/{sent['message_id']}/reveal",
        data={"csrf_token": token, "reason": "증거 확인"},
    )
    assert revealed.status_code == 200 and "씨발" in revealed.text
    with db() as session:
        entry = session.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "message.reveal",
                AuditEntry.target == f"message:{sent['message_id']}",
            )
        )
        assert entry is not None and entry.actor_label == "agent@demo.gonggam"
    # Revealing once does not change what the page shows next time.
    assert "씨발" not in agent.get(f"/conversations/{sent['conversation_id']}").text


def test_each_agent_chooses_whether_to_see_abusive_words(api: TestClient, desk: Any) -> None:
    sent = post_message(api, ABUSIVE, email="preference@example.kr")
    url = f"/conversations/{sent['conversation_id']}"
    agent, token = signed_in(desk, "agent@demo.gonggam")
    chosen = agent.post(
        "/protection/preference", data={"csrf_token": token, "show": "1", "back": url}
    )
    assert chosen.status_code == 200 and chosen.url.path == url
    assert "씨발" in chosen.text and "원문 그대로 보고 있습니다" in chosen.text
    other, _ = signed_in(desk, "agent2@demo.gonggam")
    assert "씨발" not in other.get(url).text
    agent.post("/protection/preference", data={"csrf_token": token, "show": "0", "back": url})
    assert "씨발" not in agent.get(url).text


def test_agent_hands_an_abusive_conversation_to_the_supervisor(api: TestClient, desk: Any) -> None:
    sent = post_message(api, "야 너 미친놈이냐? 일을 이따위로 해?", email="handover@example.kr")
    agent, token = signed_in(desk, "agent@demo.gonggam")
    done = agent.post(
        f"/conversations/{sent['conversation_id']}/protection/handover",
        data={"csrf_token": token, "agent": "supervisor@demo.gonggam", "note": "계속 욕설"},
    )
    assert done.status_code == 200
    detail = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()
    assert detail["assignee"] == "supervisor@demo.gonggam"
    transfer = [e for e in detail["events"] if e["kind"] == "transferred"][-1]
    assert transfer["data"]["reason"] == "abuse"
    assert "폭언" in done.text  # the timeline shows the reason in Korean


def test_agent_ends_the_conversation_per_policy(api: TestClient, desk: Any) -> None:
    sent = post_message(api, "개새끼들 진짜 답답하네 배송 언제 와", email="end@example.kr")
    agent, token = signed_in(desk, "agent@demo.gonggam")
    done = agent.post(
        f"/conversations/{sent['conversation_id']}/protection/end", data={"csrf_token": token}
    )
    assert done.status_code == 200
    detail = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()
    assert detail["status"] == "closed"
    assert "상담을 종료합니다" in detail["messages"][-1]["text"]
    assert "상담사가 정책에 따라 상담 종료" in done.text
