"""The chat widget in a real browser: a shop page's visitor and an agent talk to each other.

Two pages in headless Chromium: the demo host page with the widget (customer) and the
conversation page (agent). Screenshots land in test-output/browser/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from gonggam.app import create_app
from gonggam.conversations.models import Message
from gonggam.db import engine_for, session_factory
from tests.browser.test_agent_flow import ARGS, CHROMIUM, SHOTS
from tests.conftest import DEMO_PASSWORD, LiveServer, make_settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

HOSTILE = '<img src=x onerror="window.__pwned=true;alert(1)"> 이 메시지 보이나요?'
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def serve(url: str) -> LiveServer:
    settings = make_settings(url).model_copy(
        update={"widget_secret": "demo-shop-secret-42", "live_poll_seconds": 0.2}
    )
    return LiveServer(create_app(settings))


@pytest.fixture
def desk(demo_url: str) -> Iterator[LiveServer]:
    with serve(demo_url) as server:
        yield server


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def open_page(browser: Browser, server: LiveServer, dialogs: list[str], **options: object) -> Page:
    context = browser.new_context(base_url=server.url, locale="ko-KR", **options)  # type: ignore[arg-type]
    page = context.new_page()

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return page


def conversation_of(database_url: str, text: str) -> int:
    with session_factory(engine_for(database_url))() as session:
        found = session.scalar(select(Message.conversation_id).where(Message.text == text))
    assert found is not None
    return found


def test_visitor_and_agent_chat_through_the_widget(
    browser: Browser, desk: LiveServer, demo_url: str
) -> None:
    dialogs: list[str] = []
    agent = open_page(browser, desk, dialogs, viewport={"width": 1400, "height": 900})
    agent.goto("/login")
    agent.fill("input[name=email]", "agent@demo.gonggam")
    agent.fill("input[name=password]", DEMO_PASSWORD)
    agent.click("button[type=submit]")
    expect(agent).to_have_url(re.compile(r"/inbox"))

    shop = open_page(browser, desk, dialogs, viewport={"width": 1280, "height": 800})
    shop.goto("/widget-demo")
    shop.evaluate("window.__pwned = false")
    shop.click(".launcher")
    expect(shop.locator(".panel")).to_be_visible()
    expect(shop.locator(".conn")).to_be_hidden()  # connected
    expect(shop.locator(".offline")).to_be_hidden()  # an agent is signed in
    log = shop.locator(".log")

    # Hangul through the input method: Enter while composing commits, it does not send.
    cdp = shop.context.new_cdp_session(shop)
    shop.focus("#gonggam-input")
    cdp.send("Input.imeSetComposition", {"text": "안", "selectionStart": 1, "selectionEnd": 1})
    shop.keyboard.press("Enter")
    expect(log.locator(".msg.in")).to_have_count(0)
    first = "안녕하세요 주문한 의자가 부서져서 왔어요"
    cdp.send("Input.insertText", {"text": first})
    shop.keyboard.press("Enter")
    sent = log.locator(".msg.in")
    expect(sent).to_have_count(1)
    expect(sent.first).to_contain_text(first)
    expect(sent.first).to_have_attribute("data-id", re.compile(r"^\d+$"))  # acknowledged: stored
    shop.keyboard.press("Enter")  # an empty composer sends nothing
    expect(shop.locator(".queue")).to_have_text(re.compile(r"^현재 대기 순서 \d+번째$"))
    shop.locator(".msg.in .state").wait_for(state="detached")
    shot(shop, "widget-desktop")

    conversation_id = conversation_of(demo_url, first)
    agent.goto(f"/conversations/{conversation_id}")
    timeline = agent.locator("#timeline")
    expect(timeline.locator(".msg-in", has_text="의자가 부서져서")).to_have_count(1)
    agent.wait_for_function("document.getElementById('live-indicator').hidden === false")
    # A reply the coach accepts, so it goes out without the low-score confirmation.
    answer = (
        "의자가 부서진 채로 도착해서 많이 속상하셨겠어요. 포장 검수를 제대로 하지 못한 저희 "
        "잘못입니다. 오늘 안에 새 의자로 교환 접수하고 내일 오전까지 받으실 수 있게 보내 "
        "드리겠습니다. 알려 주셔서 감사합니다."
    )
    agent.fill("#composer", answer)
    agent.click("#send")
    expect(log.locator(".msg.out")).to_contain_text(answer)
    expect(shop.locator(".queue")).to_be_hidden()

    # Hostile text both ways stays text.
    shop.fill("#gonggam-input", HOSTILE)
    shop.keyboard.press("Enter")
    expect(timeline.locator(".msg-in", has_text="이 메시지 보이나요?")).to_have_count(1)
    assert "<img" in timeline.locator(".msg-in", has_text="이 메시지 보이나요?").inner_text()
    agent.fill("#composer", '<img src=y onerror="window.__pwned=true;alert(3)"> 네 잘 보여요')
    agent.click("#send")
    agent.click("#send-anyway")  # a weak reply: the coach asks once, the agent sends anyway
    hostile_reply = log.locator(".msg.out", has_text="네 잘 보여요")
    expect(hostile_reply).to_have_count(1)
    assert "<img src=y" in hostile_reply.inner_text()
    assert shop.locator(".log img").count() == 0
    assert shop.evaluate("window.__pwned") is False
    assert agent.evaluate("window.__pwned === undefined || window.__pwned === false")
    assert dialogs == []
    expect(log.locator(".msg.in")).to_have_count(2)
    shot(shop, "widget-conversation")
    shot(agent, "agent-sees-widget-chat")

    # With the panel closed, a new reply shows on the launcher.
    shop.click(".head button")
    agent.fill("#composer", "교환 접수 완료했습니다. 내일 기사님이 방문하실 거예요.")
    agent.click("#send")
    agent.click("#send-anyway")
    expect(shop.locator(".launcher")).to_have_text("상담하기 (1)")
    shot(shop, "widget-closed-unread")
    shop.click(".launcher")
    expect(log.locator(".msg.out").last).to_contain_text("교환 접수 완료했습니다")
    shop.set_viewport_size(PHONE)
    shot(shop, "widget-phone")
    agent.context.close()
    shop.context.close()


def test_widget_without_agents_offers_to_leave_a_message(browser: Browser, sqlite_url: str) -> None:
    dialogs: list[str] = []
    with serve(sqlite_url) as server:
        shop = open_page(browser, server, dialogs, viewport=PHONE)
        shop.goto("/widget-demo?signed=true")
        expect(shop.locator("header")).to_contain_text("이하은")
        shop.click(".launcher")
        expect(shop.locator(".offline")).to_contain_text("상담사가 없어요")
        shop.fill("#gonggam-input", "밤늦게 죄송해요 반품 접수 어떻게 하나요?")
        shop.click(".compose button")
        expect(shop.locator(".msg.in")).to_have_attribute("data-id", re.compile(r"^\d+$"))
        shop.fill(".email input", "haeun.lee@example.kr")
        shop.click(".email button")
        expect(shop.locator(".email p")).to_contain_text("이메일 주소를 받았어요")
        shot(shop, "widget-offline-phone")
        shop.context.close()
    assert dialogs == []
