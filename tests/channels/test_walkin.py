"""Walk-in and phone entry by an agent: the customer is resolved, the entry names the agent."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import make_user, post_message


def test_agent_records_a_walk_in_customer(api: TestClient) -> None:
    token = make_user(api, "hana@desk.example", "agent")
    earlier = post_message(api, "지난주에 산 청소기 흡입력이 약해요", phone="010-4444-5555")
    response = api.post(
        "/api/v1/conversations/walkin",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "channel": "walkin",
            "name": "박영수",
            "phone": "010 4444 5555",
            "text": "매장에 직접 왔어요. 청소기 교환 가능한지 보러 왔습니다",
        },
    )
    assert response.status_code == 201, response.text
    # Same phone number: the same customer, the same open conversation.
    assert response.json()["customer_id"] == earlier["customer_id"]
    assert response.json()["conversation_id"] == earlier["conversation_id"]
    conversation = api.get(f"/api/v1/conversations/{earlier['conversation_id']}").json()
    walkin = conversation["messages"][-1]
    assert walkin["channel"] == "walkin" and walkin["direction"] == "in"
    assert walkin["author"] == "hana@desk.example"
    recorded = [e for e in conversation["events"] if e["kind"] == "recorded_for_customer"]
    assert recorded and recorded[0]["actor"] == "hana@desk.example"


def test_walk_in_needs_a_way_to_find_the_customer_again(api: TestClient) -> None:
    response = api.post(
        "/api/v1/conversations/walkin",
        json={"channel": "phone", "name": "익명", "text": "전화로 문의드려요"},
    )
    assert response.status_code == 422 and "phone" in response.json()["detail"]
    bad = api.post(
        "/api/v1/conversations/walkin",
        json={"channel": "fax", "phone": "010-1234-5678", "text": "팩스"},
    )
    assert bad.status_code == 422


def test_walk_in_needs_authentication(anonymous: TestClient) -> None:
    response = anonymous.post(
        "/api/v1/conversations/walkin", json={"phone": "010-1234-5678", "text": "방문 문의"}
    )
    assert response.status_code == 401


def test_inbox_form_refusals_come_back_in_korean(demo_url: str) -> None:
    from fastapi.testclient import TestClient as Client

    from gonggam.app import create_app
    from tests.conftest import make_settings
    from tests.web.test_views import sign_in

    with Client(create_app(make_settings(demo_url))) as client:
        token = sign_in(client)
        response = client.post(
            "/walkin",
            data={"csrf_token": token, "channel": "walkin", "name": "김철수", "text": "환불 문의"},
        )
        assert response.status_code == 200
        assert "전화번호나 이메일 중 하나를 적어 주세요" in response.text
        bad = client.post(
            "/walkin",
            data={"csrf_token": token, "phone": "12", "text": "환불 문의"},
        )
        assert "형식이 맞지 않습니다" in bad.text
        ok = client.post(
            "/walkin",
            data={"csrf_token": token, "phone": "010-3333-4444", "text": "매장 방문 환불 문의"},
            follow_redirects=False,
        )
        assert ok.status_code == 303 and ok.headers["location"].startswith("/conversations/")
