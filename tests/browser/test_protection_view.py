"""The conversation page with masked abuse and the protection controls, in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.test_agent_flow import (
    CHROMIUM,
    browser,
    dialogs,
    page,
    post_message,
    shot,
    sign_in,
)
from tests.conftest import LiveServer

__all__ = ["browser", "dialogs", "page"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Page, expect


def test_abusive_message_is_masked_with_the_protection_card(
    page: Page, live_demo: LiveServer
) -> None:
    sent = post_message(
        live_demo,
        channel="chat",
        customer={"name": "오태식", "email": "abuse.browser@example.kr"},
        text="환불 언제 해줄 거야 이 씨발 놈들아",
    )
    sign_in(page)
    page.goto(f"/conversations/{sent['conversation_id']}")
    text = page.locator(f"#text-{sent['message_id']}")
    expect(text.locator(".abuse-mask")).to_have_text("욕설")
    expect(text).not_to_contain_text("씨발")
    expect(page.locator("#protection-card")).to_contain_text("경고 1/3회 발송")
    expect(page.locator(".timeline")).to_contain_text("1차 안내")
    shot(page, "protection-masked")
    page.click("#toggle-masking")
    expect(page.locator(f"#text-{sent['message_id']}")).to_contain_text("씨발")
