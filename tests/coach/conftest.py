"""A real OpenAI-compatible HTTP server on 127.0.0.1 for the LLM draft tests."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class FakeModel:
    """What the server answers: a reply text, an HTTP status, or a delay."""

    content: str = ""
    status: int = 200
    delay_seconds: float = 0.0
    requests: list[dict[str, object]] = field(default_factory=list)
    url: str = ""


@pytest.fixture
def model_server() -> Iterator[FakeModel]:
    model = FakeModel()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            model.requests.append(
                {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
            )
            time.sleep(model.delay_seconds)
            if self.path != "/v1/chat/completions" or model.status != 200:
                self.send_response(model.status if model.status != 200 else 404)
                self.end_headers()
                return
            payload = json.dumps(
                {"choices": [{"message": {"role": "assistant", "content": model.content}}]}
            )
            data = payload.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    model.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield model
    finally:
        server.shutdown()
        server.server_close()
