"""Voice / IVR: Twilio-signed webhooks answered with Korean TwiML, no loops, callbacks kept."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.voice.signature import TWILIO_HEADER, twilio_signature
from gonggam.conversations.models import Conversation, Event, Message
from gonggam.routing.models import CallbackRequest
from tests.channels.test_webhook import make_channel
from tests.conftest import LiveServer
from tests.helpers import make_team

AUTH_TOKEN = "twilio-auth-token-0123456789abcdef"
BASE = "http://testserver"
CALLER = "+821055557777"


def call(
    client: TestClient | httpx.Client,
    path: str,
    fields: dict[str, str],
    *,
    base: str = BASE,
    token: str | None = AUTH_TOKEN,
) -> httpx.Response:
    form = {"CallSid": "CA0001", "From": CALLER, "To": "+8215881234", **fields}
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if token:
        headers[TWILIO_HEADER] = twilio_signature(token, base + path, sorted(form.items()))
    return client.post(path, content=urlencode(form), headers=headers)


def twiml(response: httpx.Response) -> ET.Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/xml")
    root = ET.fromstring(response.text)  # noqa: S314 - the desk's own answer
    assert root.tag == "Response"
    return root


def verbs(root: ET.Element) -> list[str]:
    return [child.tag for child in root]


def test_incoming_call_greets_in_korean_and_gathers_speech_over_real_http(
    app: FastAPI, api: TestClient
) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        root = twiml(call(client, "/api/v1/channels/voice/incoming", {}, base=server.url))
    assert verbs(root)[:2] == ["Say", "Gather"]
    assert root[0].get("language") == "ko-KR" and "고객센터" in (root[0].text or "")
    gather = root[1]
    assert gather.get("input") == "speech dtmf" and gather.get("language") == "ko-KR"
    assert gather.get("action", "").startswith("/api/v1/channels/voice/speech?step=reason")
    assert gather[0].tag == "Say" and gather[0].get("language") == "ko-KR"


def test_unsigned_or_forged_twilio_requests_are_refused(
    api: TestClient, anonymous: TestClient, factory: sessionmaker[Session]
) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    unsigned = call(
        anonymous, "/api/v1/channels/voice/speech", {"SpeechResult": "환불해 주세요"}, token=None
    )
    assert unsigned.status_code == 401 and "X-Twilio-Signature" in unsigned.json()["detail"]
    forged = call(
        anonymous,
        "/api/v1/channels/voice/speech",
        {"SpeechResult": "환불해 주세요"},
        token="not-the-token-0000000000",
    )
    assert forged.status_code == 401
    with factory() as session:
        assert session.scalars(select(Message)).first() is None


def test_reason_is_stored_triaged_and_the_wait_announced(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    said = "어제 결제한 게 두 번 빠져나갔어요 환불 좀 해주세요"
    root = twiml(
        call(
            api,
            "/api/v1/channels/voice/speech?step=reason&tries=0",
            {"SpeechResult": said, "Confidence": "0.91"},
        )
    )
    assert "대기 순서는 1번째" in (root[0].text or "")
    menu = root[1]
    assert menu.tag == "Gather" and "콜백" in (menu[0].text or "")
    assert "step=menu" in menu.get("action", "")
    with factory() as session:
        message = session.scalars(select(Message)).one()
    assert message.channel == "voice" and message.text == said
    assert message.provider_message_id == "voice:CA0001:reason"
    assert message.triage is not None and message.triage["intent"] in (
        "payment_error",
        "refund_exchange",
    )
    # Twilio re-posting the same answer does not store it twice.
    call(api, "/api/v1/channels/voice/speech?step=reason&tries=0", {"SpeechResult": said})
    with factory() as session:
        assert len(list(session.scalars(select(Message)))) == 1


def test_saying_sangdamsa_or_pressing_zero_reaches_a_human_at_once(api: TestClient) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    by_voice = twiml(
        call(api, "/api/v1/channels/voice/speech?step=reason", {"SpeechResult": "상담사 연결"})
    )
    assert verbs(by_voice) == ["Say", "Enqueue"]
    by_key = twiml(
        call(api, "/api/v1/channels/voice/speech?step=reason", {"Digits": "0", "CallSid": "CA2"})
    )
    assert verbs(by_key) == ["Say", "Enqueue"]
    from_menu = twiml(
        call(api, "/api/v1/channels/voice/speech?step=menu", {"Digits": "0", "CallSid": "CA3"})
    )
    assert verbs(from_menu) == ["Say", "Enqueue"]


def test_the_triaged_team_queue_or_a_dial_number_is_used(api: TestClient) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN, settings={"dial": "+8215880000"})
    root = twiml(call(api, "/api/v1/channels/voice/speech?step=reason", {"Digits": "0"}))
    assert verbs(root) == ["Say", "Dial"] and root[1].text == "+8215880000"


def test_two_answers_not_understood_go_to_a_human_not_a_loop(api: TestClient) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    first = twiml(call(api, "/api/v1/channels/voice/speech?step=reason&tries=0", {"Digits": "7"}))
    assert verbs(first)[0] == "Gather"
    retry = first[0].get("action", "")
    assert "tries=1" in retry
    second = twiml(call(api, retry, {"Digits": "9"}))
    assert "Enqueue" in verbs(second)

    menu_url = "/api/v1/channels/voice/speech?step=menu&tries=0"
    menu_first = twiml(call(api, menu_url, {"Digits": "5"}))
    assert verbs(menu_first)[0] == "Gather"
    menu_second = twiml(call(api, menu_first[0].get("action", ""), {"SpeechResult": "음 글쎄요"}))
    assert "Enqueue" in verbs(menu_second)


def test_callback_request_leaves_a_task_with_the_callers_number(
    api: TestClient, factory: sessionmaker[Session]
) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    call(
        api,
        "/api/v1/channels/voice/speech?step=reason",
        {"SpeechResult": "인터넷이 계속 끊겨요 기사님 방문 가능한가요"},
    )
    root = twiml(call(api, "/api/v1/channels/voice/speech?step=menu", {"SpeechResult": "콜백"}))
    assert verbs(root) == ["Say", "Hangup"]
    with factory() as session:
        conversation = session.scalars(select(Conversation)).one()
        event = session.scalars(select(Event).where(Event.kind == "callback_requested")).one()
        task = session.scalars(select(CallbackRequest)).one()
    assert "callback" in conversation.tags
    # The task keeps the number to call; the timeline shows it masked like other personal data.
    assert task.phone == CALLER and task.status == "open"
    assert event.data["phone"] != CALLER and event.data["callback_id"] == task.id
    detail = api.get(f"/api/v1/conversations/{conversation.id}").json()
    assert any(e["kind"] == "callback_requested" for e in detail["events"])


def test_signature_matches_twilios_published_example() -> None:
    params = {
        "CallSid": "CA1234567890ABCDE",
        "Caller": "+14158675309",
        "Digits": "1234",
        "From": "+14158675309",
        "To": "+18005551212",
    }
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    assert twilio_signature("12345", url, list(params.items())) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_behind_a_proxy_the_public_url_is_what_twilio_signed(api: TestClient) -> None:
    public = "https://desk.example.co.kr"
    make_channel(api, "voice", "voice", AUTH_TOKEN, settings={"public_url": public})
    assert call(api, "/api/v1/channels/voice/incoming", {}).status_code == 401
    assert call(api, "/api/v1/channels/voice/incoming", {}, base=public).status_code == 200


def test_silence_is_asked_once_more_then_a_human_answers(api: TestClient) -> None:
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    greeting = twiml(call(api, "/api/v1/channels/voice/incoming", {}))
    silence = greeting[-1]
    assert silence.tag == "Redirect"
    again = twiml(call(api, silence.text or "", {}))
    assert verbs(again) == ["Gather", "Redirect"]
    assert "잘 듣지 못했습니다" in (again[0][0].text or "")
    still_silent = twiml(call(api, again[-1].text or "", {}))
    assert "Enqueue" in verbs(still_silent)


def test_the_spoken_reason_routes_the_call_to_its_teams_queue(api: TestClient) -> None:
    make_team(api, "billing", ["payment_error", "billing", "refund_exchange"])
    make_team(api, "general", ["general_inquiry"], default=True)
    make_channel(api, "voice", "voice", AUTH_TOKEN)
    call(
        api,
        "/api/v1/channels/voice/speech?step=reason",
        {"SpeechResult": "카드 결제가 두 번 됐어요 한 건 취소해 주세요"},
    )
    root = twiml(call(api, "/api/v1/channels/voice/speech?step=menu", {"Digits": "2"}))
    assert verbs(root) == ["Say", "Enqueue"] and root[1].text == "billing"
