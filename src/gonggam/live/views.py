"""`GET /live/stream`: server-sent events that tell a page something new was committed.

Each stream polls the database every `live_poll_seconds` for rows after its cursor. The log is
the source of truth, so any number of app processes serve streams without sharing memory, and a
reconnecting browser resumes from `Last-Event-ID` without missing a change.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

from fastapi import APIRouter, Header, Request
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from gonggam.conversations import repository
from gonggam.deps import PagePrincipal, SessionDep, SettingsDep
from gonggam.live.cursor import Changes, Cursor, changes_after, current_cursor

router = APIRouter(include_in_schema=False)

# Streams end after a minute and the browser reconnects (with Last-Event-ID): proxies drop long
# idle requests, a bounded stream cannot leak, and a server shutting down (which waits for open
# responses) is not held up for long by an open tab.
STREAM_SECONDS = 60.0
HEARTBEAT_SECONDS = 15.0
RETRY_MS = 2000


def _poll(factory: sessionmaker[Session], cursor: Cursor, customer_id: int | None) -> Changes:
    with factory() as session:
        return changes_after(session, cursor, customer_id=customer_id)


def sse(event: str, data: dict[str, object], *, cursor: Cursor | None = None) -> str:
    """One server-sent event in the wire format."""
    lines = [f"id: {cursor}"] if cursor is not None else []
    lines += [f"event: {event}", f"data: {json.dumps(data, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n\n"


@router.get("/live/stream")
async def stream(
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    settings: SettingsDep,
    conversation_id: int | None = None,
    after: str | None = None,
    last_event_id: str | None = Header(default=None),
) -> StreamingResponse:
    """Changes to one customer's timeline (`conversation_id`) or to the whole inbox."""
    customer_id = None
    if conversation_id is not None:
        conversation = repository.access_conversation_by_id(
            session, principal=principal, conversation_id=conversation_id
        )
        customer_id = conversation.customer_id
    start = Cursor.parse(last_event_id) or Cursor.parse(after) or current_cursor(session)
    # The stream lives for minutes; it must not hold a pooled connection all that time.
    session.close()
    factory: sessionmaker[Session] = request.app.state.session_factory
    poll_seconds = max(0.05, settings.live_poll_seconds)

    async def events() -> AsyncIterator[str]:
        cursor = start
        yield f"retry: {RETRY_MS}\n" + sse("ready", {}, cursor=cursor)
        started = last_sent = time.monotonic()
        while time.monotonic() - started < STREAM_SECONDS:
            if await request.is_disconnected():
                return
            changes = await run_in_threadpool(_poll, factory, cursor, customer_id)
            if changes.messages or changes.events:
                payload = {
                    "conversation_ids": changes.conversation_ids,
                    "messages": changes.messages,
                    "events": changes.events,
                }
                yield sse("change", payload, cursor=changes.cursor)
                last_sent = time.monotonic()
            elif time.monotonic() - last_sent > HEARTBEAT_SECONDS:
                # A comment line: keeps proxies from closing the stream and finds dead clients.
                yield ": keep-alive\n\n"
                last_sent = time.monotonic()
            cursor = changes.cursor
            await asyncio.sleep(poll_seconds)

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
