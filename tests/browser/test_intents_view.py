"""The public-complaint button and the admins' intents page, in a real browser."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_agent_flow import (
    CHROMIUM,
    browser,
    dialogs,
    mark_page,
    page,
    post_message,
    shot,
    sign_in,
)
from tests.conftest import DEMO_PASSWORD, LiveServer

__all__ = ["browser", "dialogs", "page"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Page, expect


def test_public_button_and_intents_page(page: Page, live_demo: LiveServer) -> None:
    sent = post_message(
        live_demo,
        channel="chat",
        customer={"name": "한지민", "email": "public.browser@example.kr"},
        text="주문 내역 확인 부탁드립니다. 답이 없으면 리뷰에 올릴게요.",
    )
    sign_in(page)
    page.goto(f"/conversations/{sent['conversation_id']}")
    mark_page(page)
    page.click("#mark-public")
    expect(page.locator(".conv-head .flag-public")).to_have_text("공개 민원")
    expect(page.locator("#mark-public")).to_have_count(0)
    # htmx swapped the workspace in place: no full reload.
    assert page.evaluate("window.__marker") == "still-here"
    shot(page, "public-complaint-marked")

    page.context.clear_cookies()
    page.goto("/login")
    page.fill("input[name=email]", "admin@demo.gonggam")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/inbox"))
    page.click("#nav-intents")
    page.fill("input[name=name]", "membership_points")
    page.fill("input[name=label_ko]", "멤버십 포인트")
    page.fill("input[name=label_en]", "Membership points")
    page.fill("textarea[name=cues_ko]", "포인트 적립\n적립금\n멤버십 포인트")
    page.select_option("select[name=team]", "billing")
    page.click("#intent-form button[type=submit]")
    expect(page.locator("#intent-membership_points")).to_contain_text("멤버십 포인트")
    expect(page.locator("#intent-membership_points")).to_contain_text("결제·환불팀")
    shot(page, "intents-admin")
