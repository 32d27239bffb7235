"""Routing in a real browser: the presence switch assigns work; the supervisors' routing page."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.browser.test_agent_flow import CHROMIUM, SHOTS, browser, dialogs, page, shot
from tests.conftest import API_TOKEN, DEMO_PASSWORD, LiveServer

__all__ = ["browser", "dialogs", "page"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Page, expect

OSEHUN = 2  # the demo's 오세훈: a delivery SMS nobody on shift can take


def sign_in_as(page: Page, email: str) -> None:
    page.goto("/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/inbox"))


def test_going_online_hands_me_a_waiting_customer(page: Page) -> None:
    # 최민준 (delivery team) starts the demo offline; 오세훈 waits in his team's queue.
    sign_in_as(page, "agent2@demo.gonggam")
    expect(page.locator(".tab.on")).to_have_text("내 담당")
    expect(page.locator("#inbox-list")).not_to_contain_text("오세훈")
    expect(page.locator("#callbacks-list")).to_have_count(0)  # none asked yet
    page.goto("/inbox?tab=unassigned")
    waiting = page.locator("#inbox-list a.row", has_text="오세훈")
    expect(waiting.locator(".queue-pos")).to_contain_text("대기 1번째")

    page.goto("/inbox")
    page.select_option("#presence-switch select[name=presence]", "online")
    expect(page.locator("#presence-switch .presence")).to_have_class(re.compile("presence-online"))
    expect(page.locator(".tab.on")).to_have_text("내 담당")
    mine = page.locator("#inbox-list a.row", has_text="오세훈")
    expect(mine).to_have_count(1)
    expect(mine.locator(".owner")).to_contain_text("최민준")
    shot(page, "presence-online-mine")

    page.goto(f"/conversations/{OSEHUN}")
    expect(page.locator(".timeline")).to_contain_text("최민준")


def test_routing_page_with_callbacks_and_sla_policies(page: Page, live_demo: LiveServer) -> None:
    asked = httpx.post(
        f"{live_demo.url}/api/v1/conversations/{OSEHUN}/callback",
        json={"phone": "010-8765-4321"},
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        timeout=30,
    )
    assert asked.status_code == 201, asked.text
    sign_in_as(page, "admin@demo.gonggam")
    page.goto("/routing")
    queues = page.locator("table.grid").first
    expect(queues).to_contain_text("결제·환불팀")
    expect(queues).to_contain_text("알 수 없음")  # nobody on shift for delivery
    expect(page.locator("#callbacks-list")).to_contain_text("오세훈")
    expect(page.locator("#callbacks-list")).to_contain_text("***-****-****")
    expect(page.locator("#callbacks-list")).not_to_contain_text("8765")
    expect(page.locator("#sla-policies form.policy-form")).to_have_count(6)  # 5 defaults + new
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "routing.png"), full_page=True)

    page.goto(f"/conversations/{OSEHUN}")
    card = page.locator("#callback-card")
    expect(card).to_contain_text("***-****-****")
    card.locator("button.btn-reveal").click()
    expect(page.locator("#callback-card")).to_contain_text("010-8765-4321")
    page.locator("#callback-card").screenshot(path=str(SHOTS / "callback-card.png"))
    page.locator("#callback-card button", has_text="완료").click()
    expect(page.locator("#callback-card .callback-status")).to_contain_text("완료")
    expect(page.locator(".timeline")).to_contain_text("콜백 완료")
