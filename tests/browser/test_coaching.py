"""Live coaching in the composer, in a real browser against the demo desk."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.browser.test_agent_flow import ARGS, CHROMIUM, shot, sign_in
from tests.conftest import LiveServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect, sync_playwright

CLICHE_ONLY = "불편을 드려 죄송합니다. 확인 후 안내해 드리겠습니다."


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_demo: LiveServer) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_demo.url, viewport={"width": 1400, "height": 900}, locale="ko-KR"
    )
    page = context.new_page()
    yield page
    context.close()


def test_composer_coaches_while_typing_and_confirms_a_weak_reply(page: Page) -> None:
    sign_in(page)
    page.locator("#inbox-list a.row", has_text="한지우").click()
    expect(page).to_have_url(re.compile(r"/conversations/\d+$"))
    page.evaluate("window.__marker = 'still-here'")
    page.locator("#composer").press_sequentially(CLICHE_ONLY, delay=5)
    panel = page.locator("#coach-panel")
    expect(panel.locator(".rule-fail[data-rule=no_template]")).to_be_visible()
    marks = page.locator(".coach-mirror mark")
    expect(marks).to_have_count(2)
    expect(marks.first).to_have_text("불편을 드려 죄송합니다")
    score = page.locator("#coach-score")
    before = int(score.inner_text())
    assert before < 60
    shot(page, "coach-cliche")

    insert = panel.locator(".coach-fails li[data-rule=empathy] .coach-insert")
    sentence = insert.get_attribute("data-insert")
    assert sentence and "답답하셨겠어요" in sentence
    insert.click()
    expect(page.locator("#composer")).to_have_value(re.compile(re.escape(sentence) + "$"))
    expect(panel.locator(".rule-pass[data-rule=empathy]")).to_be_visible(timeout=2000)
    expect(score).not_to_have_text(str(before))
    assert int(score.inner_text()) > before
    shot(page, "coach-inserted")

    # A weak reply is not sent at once: the agent is asked, and can send anyway.
    outgoing = page.locator("#timeline .msg-out")
    count = outgoing.count()
    page.click("#send")
    confirm = page.locator("#coach-confirm")
    expect(confirm).to_be_visible()
    expect(outgoing).to_have_count(count)
    expect(page.locator("#composer")).to_have_value(re.compile("불편을 드려"))
    shot(page, "coach-confirm")
    page.click("#send-anyway")
    expect(outgoing).to_have_count(count + 1)
    expect(outgoing.last).to_contain_text("불편을 드려 죄송합니다")
    expect(page.locator("#timeline .ev", has_text="코칭")).not_to_have_count(0)
    assert page.evaluate("window.__marker") == "still-here"


FIRST = "확인해 보니 결제가 두 번 승인된 것이 맞습니다."
SECOND = "오늘 중으로 한 건을 취소해 드리겠습니다."


def test_inserted_sentence_goes_where_the_agent_is_writing(page: Page) -> None:
    sign_in(page)
    page.locator("#inbox-list a.row", has_text="한지우").click()
    composer = page.locator("#composer")
    composer.press_sequentially(f"{FIRST} {SECOND}", delay=5)
    # The agent goes back to the end of the first sentence to add to it.
    composer.press("Home")
    for _ in FIRST:
        composer.press("ArrowRight")
    insert = page.locator("#coach-panel .coach-fails li[data-rule=empathy] .coach-insert")
    expect(insert).to_be_visible(timeout=2000)
    sentence = insert.get_attribute("data-insert")
    assert sentence
    insert.click()
    expect(composer).to_have_value(f"{FIRST} {sentence} {SECOND}")
    shot(page, "coach-insert-at-caret")

    # A selected sentence is replaced by the inserted one.
    composer.press("End")
    for _ in SECOND:
        composer.press("Shift+ArrowLeft")
    follow = page.locator("#coach-panel .coach-fails li[data-rule=follow_up] .coach-insert")
    other = follow.get_attribute("data-insert")
    assert other
    follow.click()
    expect(composer).to_have_value(f"{FIRST} {sentence} {other}")

    # Hangul still being composed at the caret is committed first, never split or lost.
    composer.press("End")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "감", "selectionStart": 1, "selectionEnd": 1})
    thanks = page.locator("#coach-panel .coach-fails li[data-rule=gratitude] .coach-insert")
    third = thanks.get_attribute("data-insert")
    assert third
    thanks.click()
    expect(composer).to_have_value(f"{FIRST} {sentence} {other}감 {third}")


def test_draft_lands_in_the_composer_with_a_good_score(page: Page) -> None:
    sign_in(page)
    page.locator("#inbox-list a.row", has_text="한지우").click()
    page.click("#draft")
    expect(page.locator("#composer")).to_have_value(re.compile("^한지우 고객님"))
    expect(page.locator("#coach-score")).to_have_class(re.compile("band-good"), timeout=2000)
    assert int(page.locator("#coach-score").inner_text()) >= 80
    expect(page.locator(".coach-mirror mark")).to_have_count(0)
    shot(page, "coach-draft")


def test_keys_typed_while_the_page_is_still_loading_all_reach_the_composer(page: Page) -> None:
    sign_in(page)
    # A slow connection: the page is shown and the agent types before its script arrives.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 600, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    page.locator("#inbox-list a.row", has_text="한지우").click()
    composer = page.locator("#composer")
    composer.press_sequentially(FIRST, delay=60)
    expect(composer).to_have_value(FIRST)
    expect(composer).to_be_focused()
    # Coaching still starts once the script is there.
    expect(page.locator("#coach-score")).to_be_visible(timeout=5000)
