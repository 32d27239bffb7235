"""The demo desk over HTTP: an admin API client and signed-in browser-like clients."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from gonggam.app import create_app
from gonggam.db import engine_for, session_factory
from tests.conftest import API_TOKEN, DEMO_PASSWORD, make_settings


@pytest.fixture
def desk(demo_url: str) -> FastAPI:
    return create_app(make_settings(demo_url))


@pytest.fixture
def api(desk: FastAPI) -> Iterator[TestClient]:
    with TestClient(desk, headers={"Authorization": f"Bearer {API_TOKEN}"}) as client:
        yield client


@pytest.fixture
def db(demo_url: str) -> sessionmaker[Session]:
    return session_factory(engine_for(demo_url))


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found, "page has no csrf-token meta"
    return found.group(1)


def signed_in(app: FastAPI, email: str) -> tuple[TestClient, str]:
    """A client signed in through the login form, and its CSRF token."""
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client, csrf_of(client.get("/inbox").text)
