"""A real WebSocket client for the chat widget's protocol (websockets' sync client)."""

from __future__ import annotations

import json
import uuid
from typing import Any
from urllib.parse import urlsplit

from websockets.sync.client import ClientConnection, connect
from websockets.typing import Origin

from tests.conftest import LiveServer

TIMEOUT = 15.0


class Widget:
    """What the widget's script does over the socket, driven step by step by a test."""

    def __init__(
        self,
        server: LiveServer,
        *,
        visitor_id: str | None = None,
        token: str | None = None,
        page: str | None = None,
    ):
        self.url = server.url.replace("http://", "ws://") + "/chat/ws"
        self.visitor_id = visitor_id or uuid.uuid4().hex
        self.token = token
        # The host page, as a browser reports it: `page` in the hello, its origin as Origin.
        self.page = page
        self.connection: ClientConnection | None = None
        self.seen: list[dict[str, Any]] = []  # every message frame, in arrival order
        self.backlog: list[dict[str, Any]] = []  # received, not yet asked for by `until`

    def open(self, *, after: int = 0) -> dict[str, Any]:
        self.backlog.clear()
        # Entered as a context manager, as websockets asks; `close` leaves it.
        origin = Origin("://".join(urlsplit(self.page)[:2])) if self.page else None
        self.connection = connect(self.url, open_timeout=TIMEOUT, origin=origin).__enter__()
        hello = {"type": "hello", "visitor_id": self.visitor_id, "token": self.token}
        hello["after"] = after
        self.send({**hello, "page": self.page} if self.page else hello)
        return self.receive()

    def send(self, frame: dict[str, Any]) -> None:
        assert self.connection is not None
        self.connection.send(json.dumps(frame, ensure_ascii=False))

    def receive(self) -> dict[str, Any]:
        assert self.connection is not None
        frame: dict[str, Any] = json.loads(self.connection.recv(timeout=TIMEOUT))
        if frame.get("type") == "message":
            self.seen.append(frame)
        return frame

    def until(self, kind: str, **match: Any) -> dict[str, Any]:
        """The first frame of `kind` (with the given fields) not asked for before."""

        def fits(frame: dict[str, Any]) -> bool:
            return frame.get("type") == kind and all(frame.get(k) == v for k, v in match.items())

        for frame in self.backlog:
            if fits(frame):
                self.backlog.remove(frame)
                return frame
        while True:
            frame = self.receive()
            if fits(frame):
                return frame
            self.backlog.append(frame)

    def say(self, text: str, *, client_id: str | None = None) -> dict[str, Any]:
        """Send a message and wait for its acknowledgement."""
        client_id = client_id or uuid.uuid4().hex
        self.send({"type": "message", "client_id": client_id, "text": text})
        return self.until("ack", client_id=client_id)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
