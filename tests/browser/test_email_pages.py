"""E-mail in a real browser: a hostile HTML e-mail stays inert; admins read the outbox.

Screenshots land in test-output/browser/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from gonggam.app import create_app
from gonggam.channels import outbox
from gonggam.channels.email.inbound import receive
from gonggam.channels.email.outbound import send_with
from gonggam.db import engine_for, session_factory
from tests.browser.test_agent_flow import ARGS, CHROMIUM, shot
from tests.conftest import DEMO_PASSWORD, LiveServer, free_port, make_settings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]

if CHROMIUM.exists():
    from playwright.sync_api import Page, expect, sync_playwright

HOSTILE_HTML = """<p>주문번호 20261125-0042 결제가 두 번 빠져나갔어요. 한 건 취소해 주세요.</p>
<script>window.__pwned = true; alert('script')</script>
<img src=x onerror="window.__pwned = true; alert('img')">
<svg onload="window.__pwned = true; alert('svg')"><script>alert('svg-script')</script></svg>"""


@pytest.fixture
def email_desk(demo_url: str, tmp_path: Path) -> Iterator[tuple[LiveServer, int]]:
    """The demo desk served over HTTP, with one hostile e-mail whose reply could not go out."""
    settings = make_settings(demo_url).model_copy(
        update={
            "attachments_dir": str(tmp_path / "attachments"),
            "smtp_host": "127.0.0.1",
            "smtp_port": free_port(),  # nobody listens: the relay is down
            "mail_from": "고객센터 <help@demo.gonggam>",
        }
    )
    factory = session_factory(engine_for(demo_url))
    mail = EmailMessage()
    mail["From"] = "배수아 <sua.bae@mail.example>"
    mail["To"] = "help@demo.gonggam"
    mail["Subject"] = "이중 결제 취소 요청"
    mail["Message-ID"] = "<double-charge@mail.example>"
    mail.set_content(HOSTILE_HTML, subtype="html")
    mail.add_attachment(
        b"%PDF-1.4 receipt", maintype="application", subtype="pdf", filename="결제내역.pdf"
    )
    received = receive(factory, mail.as_bytes(), settings=settings)
    # The acknowledgement tries the unreachable relay once and waits for its retry.
    outbox.deliver_due(factory, senders={"email": send_with(settings)})
    with LiveServer(create_app(settings)) as server:
        yield server, received.result.conversation_id


def test_hostile_email_is_inert_and_the_outbox_shows_the_waiting_reply(
    email_desk: tuple[LiveServer, int],
) -> None:
    server, conversation_id = email_desk
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(
            base_url=server.url, viewport={"width": 1400, "height": 900}, locale="ko-KR"
        )
        page: Page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto("/login")
        page.fill("input[name=email]", "admin@demo.gonggam")
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("button[type=submit]")
        expect(page).to_have_url(re.compile(r"/inbox"))

        page.goto(f"/conversations/{conversation_id}")
        timeline = page.locator("#timeline")
        expect(timeline).to_contain_text("결제가 두 번 빠져나갔어요")
        expect(timeline).to_contain_text("결제내역.pdf")
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("#timeline script, #timeline svg, #timeline img").count() == 0
        shot(page, "email-conversation")

        page.click("text=발송함")
        expect(page).to_have_url(re.compile(r"/admin/outbox"))
        row = page.locator("table.outbox-table tbody tr").first
        expect(row).to_contain_text(f"#{conversation_id}")
        expect(row).to_contain_text("대기 중")
        expect(row).to_contain_text("SMTP relay unreachable")
        shot(page, "outbox")
        context.close()
        browser.close()
    assert dialogs == []
