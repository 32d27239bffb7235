"""Ingest throughput: POST /api/v1/messages over real HTTP vs a plain SQLAlchemy insert.

Both sides write the same rows (customer, identity, conversation, message) for the same
messages, one commit per message, in the same run and on the same database. The API side also
parses and validates JSON, authenticates, masks PII, triages with Kiwi, routes and appends the
timeline events; the ratio says what all of that costs on top of the bare insert.

    .venv/bin/python bench/ingest.py [--messages 400] [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from gonggam.app import create_app
from gonggam.config import Settings
from gonggam.conversations.models import Conversation, Message
from gonggam.customers.models import Customer, CustomerIdentity
from gonggam.db import engine_for, session_factory
from gonggam.kit.clock import utcnow
from gonggam.migrate import upgrade

TOKEN = "bench-token"
TEXTS = [
    "어제 결제했는데 카드에서 두 번 빠져나갔어요. 확인 부탁드립니다.",
    "주문한 지 일주일이 넘었는데 아직도 배송준비중이에요 ㅠㅠ 언제 와요?",
    "앱 업데이트 후에 로그인이 안 됩니다. 비밀번호 재설정 메일도 안 와요",
    "환불 요청합니다. 받은 제품이 불량이에요. 010-2345-6789로 연락주세요",
    "The app crashes on start since yesterday's update. Please help.",
    "상담원분 너무 친절하셨어요 감사합니다 😊",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def bench_api(url: str, n: int) -> float:
    """Messages per second through the HTTP API, sequential keep-alive requests."""
    app = create_app(
        Settings(database_url=url, api_token=TOKEN, secret_key="bench", background_jobs=False)
    )
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
        client.post("/api/v1/messages", json=_body(-1))  # warm up Kiwi and the pool
        started = time.perf_counter()
        for i in range(n):
            response = client.post("/api/v1/messages", json=_body(i))
            response.raise_for_status()
        elapsed = time.perf_counter() - started
    server.should_exit = True
    thread.join()
    return n / elapsed


def _body(i: int) -> dict[str, object]:
    return {
        "channel": "chat",
        "customer": {"email": f"api{i}@bench.kr", "name": "벤치"},
        "text": TEXTS[i % len(TEXTS)],
        "idempotency_key": f"api-{i}",
    }


def bench_plain(url: str, n: int) -> float:
    """Messages per second inserting the same rows with the ORM and nothing else."""
    factory = session_factory(engine_for(url))
    started = time.perf_counter()
    for i in range(n):
        with factory() as session:
            now = utcnow()
            customer = Customer(name="벤치")
            session.add(customer)
            session.flush()
            session.add(
                CustomerIdentity(customer_id=customer.id, kind="email", value=f"plain{i}@bench.kr")
            )
            conversation = Conversation(
                customer_id=customer.id, channel="chat", last_message_at=now, waiting_since=now
            )
            session.add(conversation)
            session.flush()
            session.add(
                Message(
                    conversation_id=conversation.id,
                    customer_id=customer.id,
                    direction="in",
                    channel="chat",
                    text=TEXTS[i % len(TEXTS)],
                    idempotency_key=f"plain-{i}",
                    created_at=now,
                )
            )
            session.commit()
    return n / (time.perf_counter() - started)


def run(label: str, url: str, n: int) -> tuple[str, float, float]:
    upgrade(url)
    plain = bench_plain(url, n)
    api = bench_api(url, n)
    return label, api, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    results = []
    folder = Path(tempfile.mkdtemp(prefix="gonggam-bench-"))
    results.append(run("SQLite (WAL)", f"sqlite:///{folder / 'bench.sqlite3'}", args.messages))
    shutil.rmtree(folder)
    if not args.no_postgres:
        name = f"gonggam_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        except Exception as error:  # report and go on with SQLite only
            print(f"PostgreSQL skipped: {error}")
        else:
            url = make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
            results.append(run("PostgreSQL", url, args.messages))
            engine_for(url).dispose()
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))

    print(f"\n{args.messages} messages each, one commit per message\n")
    print(f"{'database':<14} {'API msg/s':>10} {'plain insert msg/s':>19} {'API/plain':>10}")
    for label, api, plain in results:
        print(f"{label:<14} {api:>10.0f} {plain:>19.0f} {api / plain:>10.2f}")


if __name__ == "__main__":
    main()
