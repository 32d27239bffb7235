"""Supervisors: restrict a customer to the senior team, export evidence, see abuse per agent."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import AuditEntry
from tests.helpers import post_message
from tests.protection.conftest import signed_in


def test_restricted_customer_goes_to_the_senior_team_and_the_card_says_so(
    api: TestClient, desk: Any
) -> None:
    admin, token = signed_in(desk, "admin@demo.gonggam")
    policy = admin.get("/protection/policy").text
    assert "고객상담팀" in policy
    admin.post(
        "/protection/policy",
        data={
            "csrf_token": token,
            "max_warnings": "3",
            "warnings": "말씀을 삼가 주세요.",
            "final_notice": "상담을 종료합니다.",
            "alert_at": "2",
            "senior_team": "general",
        },
    )
    email = {"email": "repeat.abuser@example.kr"}
    first = post_message(api, "배송 언제 와 씨발", **email)
    supervisor, token = signed_in(desk, "supervisor@demo.gonggam")
    url = f"/conversations/{first['conversation_id']}"
    done = supervisor.post(
        f"/customers/{first['customer_id']}/restriction",
        data={"csrf_token": token, "level": "senior", "reason": "반복 폭언", "back": url},
    )
    assert done.status_code == 200 and "숙련 상담팀 전담" in done.text
    api.post(f"/api/v1/conversations/{first['conversation_id']}/status", json={"status": "closed"})

    # A delivery question would go to the delivery team; the restriction sends it to general.
    later = post_message(api, "주문한 상품 배송이 언제 오나요?", **email)
    assert later["conversation_id"] != first["conversation_id"]
    detail = api.get(f"/api/v1/conversations/{later['conversation_id']}").json()
    assert detail["team"] == "general"
    routed = [e for e in detail["events"] if e["kind"] == "routed"]
    assert routed[0]["data"]["reason"] == "restriction senior"
    other = post_message(api, "주문한 상품 배송이 언제 오나요?", email="normal@example.kr")
    assert api.get(f"/api/v1/conversations/{other['conversation_id']}").json()["team"] == (
        "delivery"
    )


def test_evidence_export_has_the_original_text_and_is_audited(
    api: TestClient, desk: Any, db: sessionmaker[Session]
) -> None:
    email = {"email": "evidence@example.kr"}
    first = post_message(api, "환불 언제 해줄 거야 이 씨발 놈들아", **email)
    post_message(api, "야 너 미친놈이냐? 일을 이따위로 해?", **email)
    supervisor, _ = signed_in(desk, "supervisor@demo.gonggam")
    exported = supervisor.get(f"/customers/{first['customer_id']}/abuse-evidence?format=csv")
    assert exported.status_code == 200
    assert "attachment" in exported.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert [r["original_text"] for r in rows] == [
        "환불 언제 해줄 거야 이 씨발 놈들아",
        "야 너 미친놈이냐? 일을 이따위로 해?",
    ]
    assert rows[0]["channel"] == "chat" and rows[0]["kinds"] == "profanity"
    assert rows[0]["warning_number"] == "1" and "1차 안내" in rows[0]["notice_text"]
    assert rows[0]["received_at"] and rows[1]["warning_number"] == "2"

    as_json = supervisor.get(f"/customers/{first['customer_id']}/abuse-evidence?format=json")
    document = json.loads(as_json.text)
    assert document["messages"][1]["kinds"] == "insult"
    with db() as session:
        audits = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "abuse.export",
                AuditEntry.target == f"customer:{first['customer_id']}",
            )
        ).all()
        assert [a.actor_label for a in audits] == ["supervisor@demo.gonggam"] * 2


def test_abuse_counts_per_agent(api: TestClient, desk: Any) -> None:
    email = {"email": "counted@example.kr"}
    first = post_message(api, "안녕하세요, 결제 문의드립니다.", **email)
    api.post(
        f"/api/v1/conversations/{first['conversation_id']}/assign",
        json={"agent": "agent2@demo.gonggam"},
    )
    post_message(api, "씨발 왜 답이 없어", **email)
    post_message(api, "야 너 미친놈이냐?", **email)
    supervisor, _ = signed_in(desk, "supervisor@demo.gonggam")
    page = supervisor.get("/protection").text
    row = page.split('data-agent="agent2@demo.gonggam"')[1].split("</tr>")[0]
    assert "최민준" in row
    assert row.count('<td class="num">2</td>') == 2  # today and this week


def test_abuse_evidence_and_restriction_follow_a_merged_customer(
    api: TestClient, desk: Any, db: sessionmaker[Session]
) -> None:
    from gonggam.protection.models import AbuseIncident, CustomerRestriction

    kakao = post_message(api, "야 이 씨발 환불 언제 해줘", channel="kakao", external_id="kk-404")
    email = post_message(api, "환불 문의 드립니다.", email="same.person@example.kr")
    supervisor, token = signed_in(desk, "supervisor@demo.gonggam")
    supervisor.post(
        f"/customers/{kakao['customer_id']}/restriction",
        data={"csrf_token": token, "level": "senior", "reason": "반복 폭언", "back": "/inbox"},
    )
    merged = api.post(
        f"/api/v1/customers/{email['customer_id']}/merge", json={"other_id": kakao["customer_id"]}
    )
    assert merged.status_code in (200, 201), merged.text
    exported = supervisor.get(f"/customers/{email['customer_id']}/abuse-evidence?format=json")
    assert "씨발" in exported.text
    with db() as session:
        survivor = session.get(CustomerRestriction, email["customer_id"])
        assert survivor is not None and survivor.level == "senior"

    undone = api.post(f"/api/v1/customers/merges/{merged.json()['id']}/undo")
    assert undone.status_code == 200, undone.text
    with db() as session:
        owners = set(
            session.scalars(
                select(AbuseIncident.customer_id).where(
                    AbuseIncident.conversation_id == kakao["conversation_id"]
                )
            )
        )
        assert owners == {kakao["customer_id"]}
        assert session.get(CustomerRestriction, email["customer_id"]) is None
