"""Small test helpers shared across domains."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def post_message(api: TestClient, text: str, *, channel: str = "chat", **customer: str) -> Any:
    """Send a customer message through the public API and return the JSON answer."""
    response = api.post(
        "/api/v1/messages",
        json={
            "channel": channel,
            "customer": customer or {"email": "minsu@example.kr"},
            "text": text,
        },
    )
    assert response.status_code in (200, 201), response.text
    return response.json()


def make_user(api: TestClient, email: str, role: str, *, team: str | None = None) -> str:
    """Create a user through the admin API and return an API token for them."""
    response = api.post(
        "/api/v1/users",
        json={
            "email": email,
            "name": email.split("@")[0],
            "role": role,
            "team": team,
            "password": "correct horse battery",
        },
    )
    assert response.status_code == 201, response.text
    user_id = response.json()["id"]
    token = api.post(f"/api/v1/users/{user_id}/tokens", json={"name": "test"})
    assert token.status_code == 201, token.text
    return str(token.json()["token"])


def make_team(api: TestClient, name: str, intents: list[str], *, default: bool = False) -> None:
    response = api.post(
        "/api/v1/teams",
        json={"name": name, "display_name": name, "intents": intents, "is_default": default},
    )
    assert response.status_code == 201, response.text
