"""The agent pages over HTTP (TestClient on the seeded demo desk)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy import text as text_

from gonggam.app import create_app
from tests.conftest import API_TOKEN, DEMO_PASSWORD, make_settings
from tests.helpers import post_message

HANJIWOO = 1  # the demo's first conversation: 한지우, e-mail then chat, assigned to agent@


@pytest.fixture
def client(demo_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(demo_url))) as client:
        yield client


@pytest.fixture
def api(demo_url: str) -> Iterator[TestClient]:
    app = create_app(make_settings(demo_url))
    with TestClient(app, headers={"Authorization": f"Bearer {API_TOKEN}"}) as client:
        yield client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found, "page has no csrf-token meta"
    return found.group(1)


def sign_in(client: TestClient, email: str = "agent@demo.gonggam") -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/inbox").text)


def rows(html: str) -> list[str]:
    """The customer names of the inbox rows, in order."""
    return [name.strip() for name in re.findall(r'<span class="who">([^<]+)', html)]


def test_signed_out_pages_redirect_to_login(client: TestClient) -> None:
    response = client.get("/inbox", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/inbox"
    assert client.get("/", follow_redirects=False).headers["location"] == "/inbox"
    login = client.get("/login")
    assert 'name="email"' in login.text and 'name="password"' in login.text


def test_wrong_password_shows_the_form_again_with_a_korean_error(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"email": "agent@demo.gonggam", "password": "틀린비밀번호", "csrf_token": token},
    )
    assert response.status_code == 401
    assert "이메일 또는 비밀번호가 맞지 않습니다" in response.text
    assert 'value="agent@demo.gonggam"' in response.text
    assert client.get("/inbox", follow_redirects=False).status_code == 303


def test_sign_in_rotates_the_csrf_token_and_opens_the_inbox(client: TestClient) -> None:
    before = csrf_of(client.get("/login").text)
    after = sign_in(client)
    assert after != before
    page = client.get("/inbox")
    assert page.status_code == 200
    assert "이하늘" in page.text  # the signed-in agent's name in the top bar


def test_sign_in_never_redirects_to_another_site(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={
            "email": "agent@demo.gonggam",
            "password": DEMO_PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/inbox"


def test_sign_in_posted_from_another_site_is_refused(client: TestClient) -> None:
    response = client.post(
        "/login",
        data={"email": "agent@demo.gonggam", "password": DEMO_PASSWORD},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_actions_without_the_csrf_token_are_forbidden(client: TestClient) -> None:
    sign_in(client)
    missing = client.post(f"/conversations/{HANJIWOO}/reply", data={"text": "위조된 답장입니다"})
    assert missing.status_code == 403
    wrong = client.post(
        f"/conversations/{HANJIWOO}/reply",
        data={"text": "위조된 답장입니다"},
        headers={"X-CSRF-Token": "not-the-token"},
    )
    assert wrong.status_code == 403
    assert "위조된 답장입니다" not in client.get(f"/conversations/{HANJIWOO}").text
    logout = client.post("/logout", data={})
    assert logout.status_code == 403


def test_a_signed_out_form_post_comes_back_to_the_conversation(client: TestClient) -> None:
    response = client.post(f"/conversations/{HANJIWOO}/reply", data={"text": "답장"})
    assert response.history[0].status_code == 303  # to the sign-in form, next=the action
    token = csrf_of(response.text)
    back = client.post(
        "/login",
        data={
            "email": "agent@demo.gonggam",
            "password": DEMO_PASSWORD,
            "csrf_token": token,
            "next": f"/conversations/{HANJIWOO}/reply",
        },
    )
    assert back.status_code == 200
    assert str(back.url).endswith(f"/conversations/{HANJIWOO}")


def test_logout_ends_the_session(client: TestClient) -> None:
    token = sign_in(client)
    response = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.headers["location"] == "/login"
    assert client.get("/inbox", follow_redirects=False).status_code == 303


def test_inbox_tabs_and_status_filters(client: TestClient) -> None:
    sign_in(client)
    mine = rows(client.get("/inbox").text)
    # Default tab: mine; default statuses open+pending. 박준영 was given to agent@ automatically
    # when the demo put her on shift.
    assert set(mine) == {"한지우", "김하은", "박준영"}
    unassigned = rows(client.get("/inbox?tab=unassigned").text)
    assert "오세훈" in unassigned and "한지우" not in unassigned and "박준영" not in unassigned
    team = client.get("/inbox?tab=team").text  # agent@ is in the billing team
    assert "결제·환불팀" in team and "배송·상품팀" not in team
    everything = rows(client.get("/inbox?tab=all").text)
    assert len(everything) == 10 and "윤다은" not in everything  # resolved is not shown
    resolved = rows(client.get("/inbox?tab=all&status=resolved").text)
    assert resolved == ["윤다은"]
    closed = rows(client.get("/inbox?tab=all&status=closed&status=resolved").text)
    assert set(closed) == {"윤다은", "이수빈"}


def test_inbox_rows_show_channel_emotion_wait_and_owner(client: TestClient) -> None:
    sign_in(client)
    statuses = "&".join(f"status={s}" for s in ("open", "pending", "resolved", "closed"))
    html = client.get(f"/inbox?tab=all&{statuses}").text
    for channel in ("이메일", "문자", "카카오톡", "네이버톡톡", "전화", "웹", "채팅"):
        assert channel in html
    assert re.search(r"\d+분 대기|\d+시간 \d+분 대기", html)
    assert 'class="emo emo-' in html
    assert "미배정" in html and "이하늘" in html
    # Most urgent first: the first row carries the highest priority shown.
    priorities = re.findall(r'class="prio prio-(\w+)"', html)
    order = ["low", "normal", "high", "urgent"]
    assert [order.index(p) for p in priorities] == sorted(
        (order.index(p) for p in priorities), reverse=True
    )


def test_conversation_page_shows_the_cross_channel_timeline(
    client: TestClient, api: TestClient
) -> None:
    sign_in(client)
    # Close the first conversation; the customer's next message starts a new one.
    api.post(f"/api/v1/conversations/{HANJIWOO}/status", json={"status": "resolved"})
    api.post(f"/api/v1/conversations/{HANJIWOO}/status", json={"status": "closed"})
    new = post_message(
        api, "환불 처리 됐나요? 문자로도 연락주세요", channel="sms", phone="010-2345-6789"
    )
    assert new["conversation_id"] != HANJIWOO
    html = client.get(f"/conversations/{new['conversation_id']}").text
    assert "프리미엄 요금제 결제를 했는데" in html  # e-mail, earlier conversation
    assert "채팅으로 다시 문의드려요" in html  # chat, earlier conversation
    assert "환불 처리 됐나요?" in html  # SMS, this conversation
    assert f'href="/conversations/{HANJIWOO}">#{HANJIWOO}' in html
    for label in ("이메일", "채팅", "문자", "분류됨", "담당자 배정", "상태 변경"):
        assert label in html
    assert 'id="triage-panel"' in html and "jiwoo.han@example.kr" in html


def test_reply_and_note_through_the_form(client: TestClient) -> None:
    token = sign_in(client)
    reply = "한지우 고객님, 중복 결제된 59,000원은 오늘 오후 6시까지 취소해 드리겠습니다."
    response = client.post(
        f"/conversations/{HANJIWOO}/reply",
        data={"text": reply, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/conversations/{HANJIWOO}"
    note = client.post(
        f"/conversations/{HANJIWOO}/reply",
        data={"text": "카드사 취소 전표 확인 필요", "mode": "note"},
        headers={"X-CSRF-Token": token, "HX-Request": "true"},
    )
    assert note.status_code == 200
    assert reply in note.text
    assert re.search(r"msg-note[^>]*>.*?카드사 취소 전표 확인 필요", note.text, re.S)
    empty = client.post(f"/conversations/{HANJIWOO}/reply", data={"text": " ", "csrf_token": token})
    assert empty.status_code == 422 and "내용을 입력해 주세요" in empty.text


def test_status_and_assign_through_the_form(client: TestClient) -> None:
    token = sign_in(client)
    client.post(
        f"/conversations/{HANJIWOO}/status", data={"status": "pending", "csrf_token": token}
    )
    client.post(
        f"/conversations/{HANJIWOO}/assign",
        data={"agent": "agent2@demo.gonggam", "csrf_token": token},
    )
    html = client.get(f"/conversations/{HANJIWOO}").text
    assert re.search(r'<option value="agent2@demo.gonggam" selected>', html)
    assert 'class="btn small st-btn on" disabled>보류' in html


def test_transfer_without_a_reason_is_refused_with_a_visible_message(client: TestClient) -> None:
    token = sign_in(client)
    refused = client.post(
        f"/conversations/{HANJIWOO}/transfer",
        data={"team": "tech", "reason": "", "note": "앱 결제 모듈 확인 부탁", "csrf_token": token},
    )
    assert refused.status_code == 422
    assert "이관 사유를 선택하거나 입력해 주세요" in refused.text
    assert "앱 결제 모듈 확인 부탁" in refused.text  # what the agent typed is kept
    done = client.post(
        f"/conversations/{HANJIWOO}/transfer",
        data={
            "team": "tech",
            "reason": "expert",
            "reason_detail": "앱 결제 모듈 오류",
            "note": "앱 결제 모듈 확인 부탁",
            "csrf_token": token,
        },
    )
    assert done.status_code == 200
    assert "전문가 필요: 앱 결제 모듈 오류" in done.text
    assert "기술지원팀" in done.text


def test_english_switch_changes_labels_and_sticks(client: TestClient) -> None:
    sign_in(client)
    english = client.get("/inbox?lang=en")
    assert "Unassigned" in english.text and "받은 문의함" not in english.text
    assert "Inbox" in client.get("/inbox").text  # the choice is remembered
    page = client.get(f"/conversations/{HANJIWOO}").text
    assert "Customer timeline" in page and "Transfer" in page
    assert "받은 문의함" in client.get("/inbox?lang=ko").text


def test_hostile_customer_text_is_escaped(client: TestClient, api: TestClient) -> None:
    sign_in(client)
    hostile = "<script>alert(1)</script><img src=x onerror=alert(1)> 결제 취소해주세요"
    sent = post_message(api, hostile, channel="chat", email="jiwoo.han@example.kr")
    for url in (f"/conversations/{sent['conversation_id']}", "/inbox?tab=all"):
        html = client.get(url).text
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_reply_to_a_closed_conversation_is_refused_in_korean(
    client: TestClient, api: TestClient
) -> None:
    token = sign_in(client)
    api.post(f"/api/v1/conversations/{HANJIWOO}/status", json={"status": "resolved"})
    api.post(f"/api/v1/conversations/{HANJIWOO}/status", json={"status": "closed"})
    response = client.post(
        f"/conversations/{HANJIWOO}/reply", data={"text": "확인했습니다", "csrf_token": token}
    )
    assert response.status_code == 409
    assert "종료된 문의입니다" in response.text
    assert "확인했습니다</textarea>" in response.text  # the draft is not lost


def test_revealing_masked_personal_data_is_explicit_and_audited(
    client: TestClient, api: TestClient, demo_url: str
) -> None:
    token = sign_in(client)
    text = "환불 계좌는 국민은행 123456-01-234567 이고 연락처는 010-9876-5432 입니다"
    sent = post_message(api, text, channel="kakao", email="jiwoo.han@example.kr")
    page = client.get(f"/conversations/{sent['conversation_id']}").text
    assert "010-9876-5432" not in page and "원문 보기" in page
    revealed = client.post(
        f"/messages/{sent['message_id']}/reveal",
        data={"csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert revealed.status_code == 200
    assert "010-9876-5432" in revealed.text and "<html" not in revealed.text
    without_js = client.post(f"/messages/{sent['message_id']}/reveal", data={"csrf_token": token})
    assert "010-9876-5432" in without_js.text and 'id="timeline"' in without_js.text
    assert "010-9876-5432" not in client.get(f"/conversations/{sent['conversation_id']}").text
    engine = create_engine(demo_url)
    with engine.connect() as connection:
        reveals = connection.execute(
            text_("SELECT count(*) FROM audit_log WHERE action = 'message.reveal'")
        ).scalar()
    engine.dispose()
    assert reveals == 2


def test_unknown_conversation_is_404(client: TestClient) -> None:
    sign_in(client)
    assert client.get("/conversations/99999").status_code == 404


def test_actions_through_the_api_token_are_named_in_the_agents_language(
    client: TestClient, api: TestClient
) -> None:
    sign_in(client)
    sent = post_message(api, "주문 취소 가능한가요?", channel="chat", email="api.actor@example.kr")
    api.post(f"/api/v1/conversations/{sent['conversation_id']}/status", json={"status": "pending"})
    html = client.get(f"/conversations/{sent['conversation_id']}").text
    assert "API 연동" in html
    assert "api-token" not in html
