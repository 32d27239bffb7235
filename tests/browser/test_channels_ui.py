"""Channel screens in a real browser: walk-in entry, a public post's notice, Kakao's limit."""

from __future__ import annotations

import json
import re

import httpx
from playwright.sync_api import Page, expect

from gonggam.channels.signing import SIGNATURE_HEADER, sign
from tests.browser.test_agent_flow import browser, dialogs, page, pytestmark, shot, sign_in
from tests.conftest import API_TOKEN, LiveServer

__all__ = ["browser", "dialogs", "page", "pytestmark"]
ADMIN = {"Authorization": f"Bearer {API_TOKEN}"}


def _channel(server: LiveServer, name: str, kind: str, secret: str) -> None:
    response = httpx.post(
        f"{server.url}/api/v1/channels",
        json={"name": name, "kind": kind, "display_name": name, "secret": secret},
        headers=ADMIN,
        timeout=60,
    )
    assert response.status_code == 201, response.text


def _signed(server: LiveServer, path: str, payload: dict[str, object], secret: str) -> int:
    body = json.dumps(payload, ensure_ascii=False).encode()
    response = httpx.post(
        f"{server.url}{path}",
        content=body,
        headers={"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body)},
        timeout=60,
    )
    assert response.status_code == 201, response.text
    return int(response.json()["conversation_id"])


def test_walk_in_entry_from_the_inbox(page: Page, live_demo: LiveServer) -> None:
    sign_in(page)
    page.click("#walkin summary")
    page.select_option("#walkin select[name=channel]", "phone")
    page.fill("#walkin input[name=name]", "최영희")
    page.fill("#walkin input[name=phone]", "010-8765-4321")
    said = "어머니 대신 전화드려요. 보청기 배터리 교환 문의입니다"
    page.fill("#walkin textarea[name=text]", said)
    shot(page, "walkin-form")
    page.click("#walkin button[type=submit]")
    expect(page).to_have_url(re.compile(r"/conversations/\d+$"))
    timeline = page.locator("#timeline")
    expect(timeline.locator(".msg-in").last).to_contain_text("보청기 배터리")
    expect(timeline).to_contain_text("상담사가 대신 기록")
    shot(page, "walkin-conversation")


def test_public_post_notice_inserts_the_private_move(page: Page, live_demo: LiveServer) -> None:
    secret = "browser-social-secret-0123456"
    _channel(live_demo, "brand-watch", "social", secret)
    conversation_id = _signed(
        live_demo,
        "/api/v1/channels/brand-watch/social",
        {
            "post_id": "p-1",
            "author": {"handle": "@angry_buyer"},
            "text": "여기 고객센터 전화 절대 안 받음. 3일째 환불 대기중 진짜 화나네요",
            "url": "https://social.example/p-1",
        },
        secret,
    )
    sign_in(page)
    page.goto(f"/conversations/{conversation_id}")
    notice = page.locator("#public-post")
    expect(notice).to_contain_text("공개 게시글")
    notice.locator("button[data-insert-text]").click()
    expect(page.locator("#composer")).to_have_value(re.compile("1:1 채팅"))
    shot(page, "public-post")


def test_kakao_conversation_shows_the_length_limit(page: Page, live_demo: LiveServer) -> None:
    secret = "browser-kakao-secret-01234567"
    _channel(live_demo, "shop-kakao", "kakao", secret)
    conversation_id = _signed(
        live_demo,
        "/api/v1/channels/shop-kakao/webhook",
        {"message_id": "k-1", "from": {"id": "kk-9", "name": "서지안"}, "text": "교환 문의요~"},
        secret,
    )
    sign_in(page)
    page.goto(f"/conversations/{conversation_id}")
    limit = page.locator("#channel-limit")
    expect(limit).to_contain_text("1,000자")
    page.fill("#composer", "가" * 1200)
    page.locator("#composer").dispatch_event("input")
    expect(limit.locator(".limit-count")).to_contain_text("1,200 / 1,000")
    shot(page, "kakao-limit")
