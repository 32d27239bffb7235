"""An agent's day in a real browser: sign in, inbox, conversation, reply, live updates.

Drives Debian's Chromium through Playwright against the demo desk served by uvicorn.
Screenshots land in test-output/browser/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import API_TOKEN, DEMO_PASSWORD, LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"
HOSTILE = (
    "<script>window.__pwned=true;alert(1)</script> "
    '<img src=x onerror="window.__pwned=true;alert(2)"> 환불 언제 돼요?'
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert/confirm the page tried to open (hostile script would)."""
    return []


@pytest.fixture
def page(browser: Browser, live_demo: LiveServer, dialogs: list[str]) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_demo.url, viewport={"width": 1400, "height": 900}, locale="ko-KR"
    )
    page = context.new_page()

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    yield page
    # Close the page first so its live stream ends before the server shuts down.
    context.close()


def post_message(server: LiveServer, **body: object) -> dict[str, int]:
    response = httpx.post(
        f"{server.url}/api/v1/messages",
        json=body,
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    result: dict[str, int] = response.json()
    return result


def sign_in(page: Page, *, screenshot: bool = False) -> None:
    page.goto("/inbox")
    expect(page).to_have_url(re.compile(r"/login"))
    if screenshot:
        shot(page, "login")
    page.fill("input[name=email]", "agent@demo.gonggam")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/inbox"))


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def mark_page(page: Page) -> None:
    """Set a marker a reload would wipe, and the flag hostile script would set."""
    page.evaluate("window.__marker = 'still-here'; window.__pwned = false;")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__marker") == "still-here", "the page was reloaded"


def test_agent_replies_and_sees_live_updates(
    page: Page, live_demo: LiveServer, dialogs: list[str]
) -> None:
    sign_in(page, screenshot=True)
    rows = page.locator("#inbox-list a.row")
    expect(rows.first).to_be_visible()
    expect(page.locator("#inbox-list")).to_contain_text("한지우")
    expect(page.locator(".tab.on")).to_have_text("내 담당")
    shot(page, "inbox")

    page.locator("#inbox-list a.row", has_text="한지우").click()
    expect(page).to_have_url(re.compile(r"/conversations/\d+$"))
    timeline = page.locator("#timeline")
    # One customer, two channels: the e-mail and the chat message are both on this screen.
    expect(timeline.locator(".msg-in .ch-email")).to_have_count(1)
    expect(timeline.locator(".msg-in .ch-chat")).to_have_count(1)
    expect(page.locator("#triage-panel")).to_contain_text("결제")
    page.wait_for_function("document.getElementById('live-indicator').hidden === false")
    shot(page, "conversation")

    reply = "한지우 고객님, 두 번 결제된 59,000원은 오늘 안에 취소해 드리겠습니다."
    page.fill("#composer", reply)
    page.click("#send")
    expect(timeline.locator(".msg-out").last).to_contain_text(reply)
    expect(page.locator("#composer")).to_have_value("")
    shot(page, "after-reply")

    # A hostile customer message arrives while the page is open: it shows up live, as text.
    mark_page(page)
    post_message(
        live_demo,
        channel="chat",
        customer={"email": "jiwoo.han@example.kr"},
        text=HOSTILE,
    )
    arrived = timeline.locator(".msg-in", has_text="환불 언제 돼요?")
    expect(arrived).to_have_count(1, timeout=10_000)
    assert "<script>" in arrived.locator(".text").inner_text()
    # The header and the triage panel follow the timeline: the customer is waiting again.
    expect(page.locator("#conv-head .wait")).to_have_text("방금 도착")
    assert arrived.locator("script, img").count() == 0
    assert_not_reloaded(page)
    assert page.evaluate("window.__pwned") is False
    assert dialogs == []
    shot(page, "hostile-live")


def test_inbox_refreshes_when_a_new_customer_writes(page: Page, live_demo: LiveServer) -> None:
    sign_in(page)
    page.goto("/inbox?tab=unassigned")
    page.wait_for_function("document.getElementById('live-indicator').hidden === false")
    mark_page(page)
    post_message(
        live_demo,
        channel="kakao",
        customer={"name": "나새봄", "external_id": "kakao-spring-01"},
        text="주문한 상품 배송지 변경 가능할까요?? 이사를 가서요 ㅠ",
    )
    expect(page.locator("#inbox-list")).to_contain_text("나새봄", timeout=10_000)
    expect(page.locator("#inbox-list a.row", has_text="나새봄")).to_contain_text("카카오톡")
    assert_not_reloaded(page)
    shot(page, "inbox-live")


def test_transfer_needs_a_reason_and_english_switch(page: Page) -> None:
    sign_in(page)
    page.locator("#inbox-list a.row").first.click()
    # A reply half-written survives the other actions on the page.
    draft = "고객님, 결제 내역을 확인해 보니"
    page.fill("#composer", draft)
    page.click("#conv-head button[value=pending]")
    expect(page.locator("#conv-head button[value=pending]")).to_be_disabled()
    expect(page.locator("#composer")).to_have_value(draft)
    page.select_option("#transfer-form select[name=team]", "tech")
    page.click("#transfer-form button[type=submit]")
    expect(page.locator(".alert")).to_contain_text("이관 사유")
    # What the agent chose survives the refusal; with a reason the transfer goes through.
    expect(page.locator("#transfer-form select[name=team]")).to_have_value("tech")
    expect(page.locator("#composer")).to_have_value(draft)
    page.select_option("#transfer-form select[name=reason]", "expert")
    page.fill(
        "#transfer-form textarea[name=note]", "앱 결제 모듈 오류로 보입니다. 로그 확인 부탁드려요."
    )
    page.click("#transfer-form button[type=submit]")
    expect(page.locator(".alert")).to_have_count(0)
    timeline = page.locator("#timeline")
    expect(timeline.locator(".ev", has_text="이관")).to_contain_text("전문가 필요")
    expect(timeline.locator(".msg-note").last).to_contain_text("로그 확인 부탁드려요")
    expect(page.locator("#composer")).to_have_value(draft)
    shot(page, "after-transfer")
    page.click("text=English")
    expect(page.locator("#transfer-form button[type=submit]")).to_have_text("Transfer")
    expect(page.locator(".section-title")).to_contain_text("Customer timeline")
    shot(page, "conversation-en")


def test_composing_hangul_is_not_sent_early(page: Page) -> None:
    """Ctrl+Enter sends, but not while the input method is still composing a syllable."""
    sign_in(page)
    page.locator("#inbox-list a.row", has_text="한지우").click()
    replies = page.locator("#timeline .msg-out")
    before = replies.count()
    cdp = page.context.new_cdp_session(page)
    page.focus("#composer")
    cdp.send("Input.imeSetComposition", {"text": "네", "selectionStart": 1, "selectionEnd": 1})
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    expect(replies).to_have_count(before)
    cdp.send("Input.insertText", {"text": "네, 바로 확인하겠습니다"})
    page.keyboard.press("Control+Enter")
    # The short reply scores low, so the coach asks once before it goes out.
    page.click("#send-anyway")
    expect(replies).to_have_count(before + 1)
    expect(replies.last).to_contain_text("네, 바로 확인하겠습니다")


def test_an_ended_session_leads_back_to_sign_in(page: Page) -> None:
    sign_in(page)
    page.locator("#inbox-list a.row").first.click()
    conversation_url = page.url
    page.context.clear_cookies()
    page.fill("#composer", "세션이 끝난 뒤의 답장")
    page.click("#send")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    expect(page.locator("input[name=email]")).to_be_visible()
    page.fill("input[name=email]", "agent@demo.gonggam")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(conversation_url)


def test_masked_phone_number_is_revealed_on_request(page: Page, live_demo: LiveServer) -> None:
    post_message(
        live_demo,
        channel="chat",
        customer={"email": "jiwoo.han@example.kr"},
        text="연락은 010-4321-8765 로 주세요",
    )
    sign_in(page)
    page.locator("#inbox-list a.row", has_text="한지우").click()
    message = page.locator("#timeline .msg-in", has_text="로 주세요")
    expect(message).not_to_contain_text("010-4321-8765")
    mark_page(page)
    message.get_by_role("button", name="원문 보기").click()
    expect(message.locator(".text.revealed")).to_contain_text("010-4321-8765")
    expect(message.get_by_role("button", name="원문 보기")).to_have_count(0)
    assert_not_reloaded(page)


def test_narrow_english_admin_screen_keeps_everything_inside(
    browser: Browser, live_demo: LiveServer
) -> None:
    """At 1024 px an admin's English menu fits: sign-out stays on screen, the merge button
    stays inside the customer card."""
    context = browser.new_context(
        base_url=live_demo.url, viewport={"width": 1024, "height": 768}, locale="en-US"
    )
    page = context.new_page()
    page.goto("/login?lang=en")
    page.fill("input[name=email]", "admin@demo.gonggam")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.goto("/inbox?tab=all&lang=en")
    page.locator("#inbox-list a.row", has_text="한지우").click()
    expect(page.locator("#triage-panel")).to_contain_text("Payment error")
    shot(page, "narrow-admin-en")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1024, f"the page scrolls sideways ({width}px)"
    sign_out = page.locator(".topbar button", has_text="Sign out").bounding_box()
    assert sign_out is not None and sign_out["x"] + sign_out["width"] <= 1024
    merge = page.locator("button", has_text="Merge by customer number").bounding_box()
    card = page.locator("aside.conv-side").bounding_box()
    assert merge is not None and card is not None
    assert merge["x"] + merge["width"] <= card["x"] + card["width"]
    context.close()
