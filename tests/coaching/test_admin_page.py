"""The coaching settings page: admins add phrases and edit playbooks; mistakes come back
on the page, in the admin's language, next to the form."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from gonggam.app import create_app
from tests.conftest import make_settings
from tests.web.test_views import sign_in


@pytest.fixture
def client(demo_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(demo_url))) as client:
        yield client


def test_admin_adds_a_phrase_and_sees_it_listed(client: TestClient) -> None:
    token = sign_in(client, "admin@demo.gonggam")
    response = client.post(
        "/admin/coaching/phrases",
        data={"phrase": "소중한 시간 내어 연락 주셔서 감사합니다", "csrf_token": token},
    )
    assert response.status_code == 200
    assert "소중한 시간 내어 연락 주셔서 감사합니다" in response.text


def test_a_phrase_the_coach_cannot_match_comes_back_on_the_page_in_korean(
    client: TestClient,
) -> None:
    token = sign_in(client, "admin@demo.gonggam")
    response = client.post(
        "/admin/coaching/phrases", data={"phrase": "에서는요", "csrf_token": token}
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    page = html.unescape(response.text)
    assert "조사나 어미만으로는 코치가 찾을 수 없습니다" in page
    # What the admin typed is still in the field, and nothing was added.
    assert 'value="에서는요"' in page
    assert "추가한 문구가 없습니다." in page


def test_errors_follow_the_admins_language(client: TestClient) -> None:
    token = sign_in(client, "admin@demo.gonggam")
    client.get("/admin/coaching?lang=en")
    response = client.post(
        "/admin/coaching/phrases", data={"phrase": "x" * 201, "csrf_token": token}
    )
    assert response.status_code == 422
    assert "A phrase has 1 to 200 characters." in response.text
    steps = "\n".join(f"step {n}" for n in range(12))
    response = client.post(
        "/admin/coaching/playbooks/emotional",
        data={"language": "en", "steps": steps, "csrf_token": token},
    )
    assert response.status_code == 422
    assert "At most 10 steps of 300 characters each." in response.text
    assert 'id="error-emotional-en"' in response.text
    assert "step 11" in response.text


def test_a_valid_playbook_saves_and_an_agent_cannot_open_the_page(client: TestClient) -> None:
    token = sign_in(client, "admin@demo.gonggam")
    response = client.post(
        "/admin/coaching/playbooks/emotional",
        data={
            "language": "ko",
            "steps": "먼저 감정을 받아 줍니다\n사실을 확인합니다",
            "csrf_token": token,
        },
    )
    assert response.status_code == 200
    assert "먼저 감정을 받아 줍니다" in response.text and "수정됨" in response.text
    with TestClient(client.app) as agent:
        sign_in(agent)
        assert agent.get("/admin/coaching").status_code == 403


def test_the_settings_page_is_in_the_admins_navigation_only(client: TestClient) -> None:
    """Admins reach coaching settings from the top bar; agents do not see the link."""
    sign_in(client, "admin@demo.gonggam")
    assert 'href="/admin/coaching"' in client.get("/inbox").text
    client.cookies.clear()
    sign_in(client, "agent@demo.gonggam")
    inbox = client.get("/inbox")
    assert inbox.status_code == 200
    assert 'href="/admin/coaching"' not in inbox.text
