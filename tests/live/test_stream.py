"""Live updates: the log cursor, and the server-sent event stream over real HTTP."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Conversation
from gonggam.conversations.pipeline import InboundMessage, ingest
from gonggam.customers.service import CustomerRef
from gonggam.live.cursor import Cursor, changes_after, current_cursor
from tests.conftest import API_TOKEN, DEMO_PASSWORD, LiveServer


def test_cursor_round_trips_and_refuses_junk() -> None:
    assert Cursor.parse(str(Cursor(12, 40))) == Cursor(12, 40)
    for junk in (None, "", "12", "a.b", "1.2.3", "-1.2", "1;DROP"):
        assert Cursor.parse(junk) is None


def test_changes_after_sees_new_rows_of_one_customer(factory: sessionmaker[Session]) -> None:
    def send(email: str, text: str) -> int:
        inbound = InboundMessage(channel="chat", text=text, customer=CustomerRef(email=email))
        return ingest(factory, inbound).conversation_id

    mine = send("minsu@example.kr", "배송 언제 와요?")
    with factory() as session:
        start = current_cursor(session)
        first = changes_after(session, Cursor(), customer_id=None)
    assert first.conversation_ids == [mine] and first.cursor == start
    other = send("other@example.kr", "환불해주세요")
    again = send("minsu@example.kr", "아직이요??")
    with factory() as session:
        everyone = changes_after(session, start, customer_id=None)
        assert everyone.conversation_ids == sorted({other, again})
        assert everyone.messages == 2 and everyone.events > 0
        conversation = session.get(Conversation, mine)
        assert conversation is not None
        one = changes_after(session, start, customer_id=conversation.customer_id)
        assert one.conversation_ids == [mine] and one.messages == 1
        # The cursor moves past the rows the filter hid, so the next poll is empty.
        later = changes_after(session, one.cursor, customer_id=conversation.customer_id)
        assert later.messages == 0 and later.events == 0


@pytest.fixture
def browser_session(live_demo: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client signed in through the login form, like a browser."""
    with httpx.Client(base_url=live_demo.url, timeout=10) as client:
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        response = client.post(
            "/login",
            data={
                "email": "agent@demo.gonggam",
                "password": DEMO_PASSWORD,
                "csrf_token": token.group(1),
            },
        )
        assert response.status_code == 303
        yield client


def read_events(lines: Iterator[str], wanted: str) -> list[tuple[str, str, str]]:
    """(id, event, data) of each event up to and including the first `wanted` one."""
    events: list[tuple[str, str, str]] = []
    fields: dict[str, str] = {}
    for line in lines:
        if not line:
            if "event" in fields:
                events.append((fields.get("id", ""), fields["event"], fields.get("data", "")))
                if fields["event"] == wanted:
                    return events
            fields = {}
            continue
        name, _, value = line.partition(": ")
        fields[name] = value
    return events


def test_stream_reports_a_new_message_and_resumes_from_last_event_id(
    browser_session: httpx.Client, live_demo: LiveServer
) -> None:
    with browser_session.stream("GET", "/live/stream?conversation_id=1") as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = response.iter_lines()
        ready = read_events(lines, "ready")
        start = ready[-1][0]
        sent = httpx.post(
            f"{live_demo.url}/api/v1/messages",
            json={
                "channel": "chat",
                "customer": {"email": "jiwoo.han@example.kr"},
                "text": "환불 언제 돼요?",
            },
            headers={"Authorization": f"Bearer {API_TOKEN}"},
        ).json()
        change = read_events(lines, "change")[-1]
    assert str(sent["conversation_id"]) in change[2]
    # A reconnecting browser sends Last-Event-ID and gets what it missed at once.
    with browser_session.stream(
        "GET", "/live/stream?conversation_id=1", headers={"Last-Event-ID": start}
    ) as response:
        events = read_events(response.iter_lines(), "change")
    assert events[0][1] == "ready" and events[-1][1] == "change"


def test_stream_needs_a_session_and_a_visible_conversation(
    browser_session: httpx.Client, live_demo: LiveServer
) -> None:
    anonymous = httpx.get(f"{live_demo.url}/live/stream", follow_redirects=False)
    assert anonymous.status_code == 303
    assert browser_session.get("/live/stream?conversation_id=99999").status_code == 404
