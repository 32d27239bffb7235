"""One customer across channels: identity resolution and the cross-channel timeline."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gonggam.customers.identity import InvalidIdentity, normalize_phone
from tests.helpers import post_message


def test_one_customer_one_timeline_across_email_and_sms(api: TestClient) -> None:
    first = post_message(
        api,
        "주문한 책상이 파손되어 도착했습니다. 사진 첨부합니다.",
        channel="email",
        email="seoyeon@example.kr",
        name="김서연",
    )
    # Later she texts from her phone and gives her e-mail, so it is the same person.
    second = post_message(
        api,
        "메일 보냈는데 확인 부탁드려요. 교환 언제 되나요?",
        channel="sms",
        phone="010-4444-5555",
        email="seoyeon@example.kr",
    )
    assert second["customer_id"] == first["customer_id"]
    assert second["conversation_id"] == first["conversation_id"]
    # Now the phone alone is enough.
    third = post_message(api, "오늘 회수 오나요?", channel="sms", phone="01044445555")
    assert third["customer_id"] == first["customer_id"]

    timeline = api.get(f"/api/v1/customers/{first['customer_id']}/timeline").json()
    assert timeline["customer"]["name"] == "김서연"
    assert {i["kind"] for i in timeline["customer"]["identities"]} == {"email", "phone"}
    messages = [e["message"] for e in timeline["entries"] if e["type"] == "message"]
    assert [m["channel"] for m in messages] == ["email", "sms", "sms"]
    stamps = [e["created_at"] for e in timeline["entries"]]
    assert stamps == sorted(stamps)
    assert any(
        e["type"] == "event" and e["event"]["kind"] == "created" for e in timeline["entries"]
    )


def test_timeline_spans_conversations(api: TestClient) -> None:
    first = post_message(api, "배송지 변경하고 싶어요", email="two@example.kr")
    api.post(f"/api/v1/conversations/{first['conversation_id']}/status", json={"status": "closed"})
    second = post_message(api, "환불도 가능한가요?", channel="kakao", email="two@example.kr")
    assert second["conversation_id"] != first["conversation_id"]
    timeline = api.get(f"/api/v1/customers/{first['customer_id']}/timeline").json()
    conversations = {e["conversation_id"] for e in timeline["entries"]}
    assert conversations == {first["conversation_id"], second["conversation_id"]}


def test_unknown_customer_is_404(api: TestClient) -> None:
    assert api.get("/api/v1/customers/424242/timeline").status_code == 404


@pytest.mark.parametrize(
    "written",
    ["010-1234-5678", "01012345678", "+82 10 1234 5678", "+82-(0)10-1234-5678", "82 10 1234 5678"],
)
def test_phone_numbers_normalise_to_one_identity(written: str) -> None:
    assert normalize_phone(written) == "+821012345678"


def test_nonsense_phone_is_refused() -> None:
    with pytest.raises(InvalidIdentity):
        normalize_phone("12")
