"""`/chat/ws`: the widget's WebSocket, and `/chat/words` for its labels.

Protocol (JSON text frames). The widget opens with
`{"type": "hello", "visitor_id", "token"?, "after"?, "page"?}` (`after`: the last message id
it has shown; `page`: the host page's address, for the link in a reply sent by e-mail). The
server answers `ready`, then sends `message` frames after `after` (so a reconnecting widget
gets what it missed, exactly once) and a `status` frame whenever the queue position or agent
availability changes. The widget sends `{"type": "message", "client_id",
"text"}` and gets `{"type": "ack", "client_id", "message_id"}` only after the message is
committed; resending the same `client_id` stores nothing new and is acknowledged again.
`{"type": "contact", "email"}` leaves an address for the answer. Refusals are
`{"type": "error", "code", "message"}`; a bad identity token closes the socket (4401).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import datetime
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from gonggam.channels.chat import service, visits
from gonggam.channels.chat.service import ChatRefused, Visitor
from gonggam.config import Settings
from gonggam.kit.clock import utcnow
from gonggam.web.words import chat as words

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

HELLO_SECONDS = 10.0
REFUSED_IDENTITY = 4401


class _Socket:
    """One widget connection: sends are serialised, reads and polling run side by side."""

    def __init__(
        self,
        websocket: WebSocket,
        factory: sessionmaker[Session],
        visitor: Visitor,
        page_url: str | None = None,
    ):
        self.websocket = websocket
        self.factory = factory
        self.visitor = visitor
        self.page_url = page_url
        self.lock = asyncio.Lock()
        self.touched_at: datetime | None = None

    async def send(self, frame: dict[str, Any]) -> None:
        async with self.lock:
            await self.websocket.send_text(json.dumps(frame, ensure_ascii=False))

    def _poll(
        self, after: int, last_status: dict[str, Any] | None
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        with self.factory() as session:
            messages = service.history(session, visitor=self.visitor, after=after)
            service.mark_delivered(
                session, message_ids=[m["id"] for m in messages if m["direction"] == "out"]
            )
            current = service.status(session, visitor=self.visitor)
            now = utcnow()
            if self.touched_at is None or now - self.touched_at >= visits.TOUCH_EVERY:
                self._touch(session, now)
        return messages, (current if current != last_status else None)

    def _touch(self, session: Session, now: datetime) -> None:
        customer = service.customer_of(session, self.visitor)
        if customer is not None:  # an anonymous visitor becomes a customer with their first words
            visits.touch(session, customer_id=customer.id, at=now, page_url=self.page_url)
            self.touched_at = now

    def mark_present(self) -> None:
        """The customer is here now; also called when the socket closes (here until now)."""
        with self.factory() as session:
            self._touch(session, utcnow())

    async def poll(self, after: int, seconds: float) -> None:
        """Push new messages and status changes; the database is the only shared state."""
        last_status: dict[str, Any] | None = None
        while True:
            try:
                messages, changed = await run_in_threadpool(self._poll, after, last_status)
            except Exception:
                # A widget that silently stops hearing replies is worse than one that reconnects.
                log.exception("chat poll failed; closing the socket so the widget reconnects")
                await self.websocket.close(code=1011)
                return
            for message in messages:
                await self.send(message)
                after = max(after, int(message["id"]))
            if changed is not None:
                await self.send(changed)
                last_status = changed
            await asyncio.sleep(seconds)

    async def handle(self, frame: dict[str, Any]) -> None:
        kind = frame.get("type")
        if kind == "message":
            client_id = service.client_message_id(frame.get("client_id"))
            result = await run_in_threadpool(
                service.send,
                self.factory,
                visitor=self.visitor,
                client_id=client_id,
                text=frame.get("text"),
            )
            if self.touched_at is None:
                # The first words may have just made the visitor a customer: from the ack on,
                # they count as present, so a quick reply waits for the widget, not e-mail.
                await run_in_threadpool(self.mark_present)
            # Committed by now: only a stored message is acknowledged.
            await self.send(
                {
                    "type": "ack",
                    "client_id": client_id,
                    "message_id": result.message_id,
                    "duplicate": result.duplicate,
                }
            )
        elif kind == "contact":
            await run_in_threadpool(
                service.leave_contact, self.factory, visitor=self.visitor, email=frame.get("email")
            )
            await self.send({"type": "contact_saved"})
        elif kind == "ping":
            await self.send({"type": "pong"})
        else:
            raise ChatRefused("unknown_type", f"unknown frame type {kind!r}")

    async def read(self) -> None:
        while True:
            raw = await self.websocket.receive_text()
            frame = _parse(raw)
            try:
                if frame is None:
                    raise ChatRefused("bad_json", "each frame must be a JSON object")
                await self.handle(frame)
            except ChatRefused as refused:
                error: dict[str, Any] = {
                    "type": "error",
                    "code": refused.code,
                    "message": refused.reason,
                }
                if frame is not None and isinstance(frame.get("client_id"), str):
                    error["client_id"] = frame["client_id"]
                await self.send(error)


def _parse(raw: str) -> dict[str, Any] | None:
    try:
        frame = json.loads(raw)
    except ValueError:
        return None
    return frame if isinstance(frame, dict) else None


@router.websocket("/chat/ws")
async def chat_socket(websocket: WebSocket) -> None:
    """The widget's live connection (see the module docstring for the protocol)."""
    settings: Settings = websocket.app.state.settings
    factory: sessionmaker[Session] = websocket.app.state.session_factory
    await websocket.accept()
    try:
        hello = _parse(await asyncio.wait_for(websocket.receive_text(), HELLO_SECONDS))
        if hello is None or hello.get("type") != "hello":
            raise ChatRefused("bad_hello", "the first frame must be a hello")
        visitor = service.visitor_for(
            visitor_id=hello.get("visitor_id"),
            token=hello.get("token"),
            secret=settings.widget_secret,
        )
        after = hello.get("after")
        after = after if isinstance(after, int) and after > 0 else 0
    except ChatRefused as refused:
        await websocket.send_text(
            json.dumps({"type": "error", "code": refused.code, "message": refused.reason})
        )
        await websocket.close(code=REFUSED_IDENTITY, reason=refused.code)
        return
    except (TimeoutError, WebSocketDisconnect):
        with contextlib.suppress(RuntimeError):
            await websocket.close()
        return
    page = visits.page_for(
        page=hello.get("page"), origin=websocket.headers.get("origin"), signed=visitor.signed
    )
    socket = _Socket(websocket, factory, visitor, page)
    await socket.send({"type": "ready", "signed": visitor.signed})
    poller = asyncio.create_task(socket.poll(after, max(0.05, settings.live_poll_seconds)))
    try:
        await socket.read()
    except WebSocketDisconnect:
        pass
    finally:
        poller.cancel()
        with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
            await poller
        try:
            await run_in_threadpool(socket.mark_present)
        except Exception:  # the 2-minute rule still holds without this last mark
            log.exception("could not record the end of a chat visit")


@router.get("/chat/words")
def chat_words(lang: str = "ko") -> JSONResponse:
    """The widget's labels (public; host sites on other origins load them)."""
    chosen = words.EN if lang.lower().startswith("en") else words.KO
    return JSONResponse(
        {
            key.removeprefix("chat."): value
            for key, value in chosen.items()
            if key.startswith("chat.")
        },
        headers={"Access-Control-Allow-Origin": "*", "Cache-Control": "max-age=300"},
    )
