"""Shared fixtures: migrated databases (SQLite always, PostgreSQL when reachable), apps, clients.

Storage-facing tests take the `database_url` fixture, which runs them once on SQLite and once on
PostgreSQL (GONGGAM_TEST_POSTGRES_URL, default the local server); when PostgreSQL does not
answer, the PostgreSQL run is skipped with the reason shown in the summary.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from gonggam.app import create_app
from gonggam.config import Settings
from gonggam.db import engine_for, session_factory
from gonggam.migrate import upgrade
from gonggam.tables import metadata

API_TOKEN = "test-api-token-0123456789"
POSTGRES_URL = os.environ.get(
    "GONGGAM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_reachable() -> str | None:
    """None when PostgreSQL answers, else why it does not."""
    url = make_url(POSTGRES_URL)
    try:
        with socket.create_connection((url.host or "127.0.0.1", url.port or 5432), timeout=1):
            pass
    except OSError as error:
        return f"PostgreSQL at {url.host}:{url.port} does not answer ({error})"
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file; tests copy it, which is much faster than migrating each time."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test worker, dropped at the end."""
    reason = _postgres_reachable()
    if reason:
        pytest.skip(f"PostgreSQL storage tests skipped: {reason}")
    name = f"gonggam_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    engine_for(url).dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with engine_for(url).begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "gonggam.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path) -> str:
    """A clean migrated database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "gonggam.sqlite3"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_database")
    _truncate_postgres(url)
    return url


def make_settings(url: str) -> Settings:
    # Tests run background passes explicitly, so nothing changes under their feet.
    return Settings(
        database_url=url,
        api_token=API_TOKEN,
        secret_key="test-secret-key",
        background_jobs=False,
    )


@pytest.fixture
def factory(database_url: str) -> sessionmaker[Session]:
    return session_factory(engine_for(database_url))


@pytest.fixture
def app(database_url: str) -> FastAPI:
    return create_app(make_settings(database_url))


@pytest.fixture
def api(app: FastAPI) -> Iterator[TestClient]:
    """A client authenticated with the admin API token."""
    with TestClient(app, headers={"Authorization": f"Bearer {API_TOKEN}"}) as client:
        yield client


@pytest.fixture
def anonymous(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveServer:
    """A real uvicorn server on a free local port, in a background thread."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("live server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


DEMO_PASSWORD = "demo-password-for-tests"


@pytest.fixture
def demo_url(sqlite_url: str) -> str:
    """A SQLite database filled with the demo desk (password DEMO_PASSWORD)."""
    from gonggam.demo.seed import seed_demo

    seed_demo(sqlite_url, password=DEMO_PASSWORD)
    return sqlite_url


@pytest.fixture
def live_demo(demo_url: str) -> Iterator[LiveServer]:
    """The demo desk served over real HTTP."""
    with LiveServer(create_app(make_settings(demo_url))) as server:
        yield server
