"""Social posts: public, high priority, moved to a private channel, review update asked once."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Event, Message
from tests.channels.test_webhook import make_channel, signed_post

SECRET = "social-listener-secret-0123456"
POST = {
    "post_id": "1863392001",
    "author": {"handle": "@minji_daily", "name": "민지"},
    "text": "○○몰 진짜 최악… 환불 요청한 지 2주째인데 답도 없음. 다들 여기서 사지 마세요",
    "url": "https://social.example/minji_daily/status/1863392001",
}


def test_public_post_becomes_a_high_priority_public_conversation(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    make_channel(
        api,
        "brand-watch",
        "social",
        SECRET,
        settings={"private_contact_url": "https://shop.example/chat"},
    )
    response = signed_post(api, "/api/v1/channels/brand-watch/social", POST, SECRET)
    assert response.status_code == 201, response.text
    conversation = api.get(f"/api/v1/conversations/{response.json()['conversation_id']}").json()
    assert conversation["priority"] in ("high", "urgent")
    assert "public" in conversation["tags"]
    assert conversation["messages"][0]["channel"] == "social"
    kinds = [e["kind"] for e in conversation["events"]]
    assert "public_post" in kinds

    again = signed_post(api, "/api/v1/channels/brand-watch/social", POST, SECRET)
    assert again.status_code == 200
    with factory() as session:
        assert len(list(session.scalars(select(Message)))) == 1
        assert len(list(session.scalars(select(Event).where(Event.kind == "public_post")))) == 1


def test_unsigned_social_post_is_refused(anonymous: TestClient, api: TestClient) -> None:
    make_channel(api, "brand-watch", "social", SECRET)
    response = anonymous.post("/api/v1/channels/brand-watch/social", json=POST)
    assert response.status_code == 401


def test_review_update_is_asked_once_after_resolution(api: TestClient) -> None:
    make_channel(api, "brand-watch", "social", SECRET)
    conversation_id = signed_post(api, "/api/v1/channels/brand-watch/social", POST, SECRET).json()[
        "conversation_id"
    ]
    early = api.post(f"/api/v1/conversations/{conversation_id}/review-request")
    assert early.status_code == 409 and "resolved" in early.json()["detail"]

    api.post(f"/api/v1/conversations/{conversation_id}/status", json={"status": "resolved"})
    asked = api.post(f"/api/v1/conversations/{conversation_id}/review-request")
    assert asked.status_code == 201, asked.text
    twice = api.post(f"/api/v1/conversations/{conversation_id}/review-request")
    assert twice.status_code == 409

    conversation = api.get(f"/api/v1/conversations/{conversation_id}").json()
    replies = [m for m in conversation["messages"] if m["direction"] == "out"]
    assert len(replies) == 1 and "후기" in replies[0]["text"]
    assert [e["kind"] for e in conversation["events"]].count("review_update_requested") == 1


def test_conversation_page_shows_the_public_notice_and_private_move(api: TestClient) -> None:
    make_channel(
        api,
        "brand-watch",
        "social",
        SECRET,
        settings={"private_contact_url": "https://shop.example/chat"},
    )
    conversation_id = signed_post(api, "/api/v1/channels/brand-watch/social", POST, SECRET).json()[
        "conversation_id"
    ]
    page = api.get(f"/conversations/{conversation_id}")
    assert page.status_code == 200
    assert "공개 게시글" in page.text
    assert "1:1 채팅(https://shop.example/chat)" in page.text


def test_review_button_appears_after_resolution_and_only_once(api: TestClient) -> None:
    make_channel(api, "brand-watch", "social", SECRET)
    conversation_id = signed_post(api, "/api/v1/channels/brand-watch/social", POST, SECRET).json()[
        "conversation_id"
    ]
    action = f'action="/conversations/{conversation_id}/review-request"'
    assert action not in api.get(f"/conversations/{conversation_id}").text
    api.post(f"/api/v1/conversations/{conversation_id}/status", json={"status": "resolved"})
    assert action in api.get(f"/conversations/{conversation_id}").text
    api.post(f"/api/v1/conversations/{conversation_id}/review-request")
    page = api.get(f"/conversations/{conversation_id}").text
    assert action not in page and "후기 업데이트를 요청했습니다" in page
