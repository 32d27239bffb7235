"""Agents merge two customers into one timeline, and can undo it exactly."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.helpers import post_message

MERGE_KINDS = {"customer_merged", "merge_undone"}


def timeline(api: TestClient, customer_id: int) -> dict[str, Any]:
    response = api.get(f"/api/v1/customers/{customer_id}/timeline")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def entry_keys(entries: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Each entry as (type, id), leaving out the merge's own record in the timeline."""
    keys = []
    for e in entries:
        if e["type"] == "message":
            keys.append(("message", e["message"]["id"]))
        elif e["event"]["kind"] not in MERGE_KINDS:
            keys.append(("event", e["event"]["id"]))
    return keys


def test_merge_combines_timelines_and_undo_restores_both(api: TestClient) -> None:
    kakao = post_message(
        api, "어제 주문한거 언제 와요??", channel="kakao", external_id="kk-771", name="박하늘"
    )
    email = post_message(
        api,
        "카톡으로도 문의했는데 답이 없네요. 주문번호 2024-1187 배송 확인 부탁드립니다.",
        channel="email",
        email="haneul.park@example.kr",
        name="박하늘",
    )
    assert kakao["customer_id"] != email["customer_id"]
    survivor, other = email["customer_id"], kakao["customer_id"]
    api.post(
        f"/api/v1/conversations/{kakao['conversation_id']}/reply",
        json={"text": "박하늘 고객님, 오늘 오후 6시 전에 도착 예정입니다."},
    )
    before_survivor = timeline(api, survivor)
    before_other = timeline(api, other)

    # Same name on both: the desk suggests they may be one person.
    suggested = api.get(f"/api/v1/customers/{survivor}/suggestions").json()["items"]
    assert [s["customer"]["id"] for s in suggested] == [other]
    assert suggested[0]["reasons"] == ["same_name"]

    merged = api.post(f"/api/v1/customers/{survivor}/merge", json={"other_id": other})
    assert merged.status_code == 201, merged.text
    record = merged.json()
    assert record["moved"]["conversations"] == [kakao["conversation_id"]]
    assert len(record["moved"]["messages"]) == 2  # the kakao message and the agent's reply
    assert {i["value"] for i in record["moved"]["identities"]} == {"kakao:kk-771"}

    combined = timeline(api, survivor)
    assert sorted(entry_keys(combined["entries"])) == sorted(
        entry_keys(before_survivor["entries"]) + entry_keys(before_other["entries"])
    )
    assert {i["value"] for i in combined["customer"]["identities"]} == {
        "haneul.park@example.kr",
        "kakao:kk-771",
    }
    assert any(
        e["type"] == "event" and e["event"]["kind"] == "customer_merged"
        for e in combined["entries"]
    )
    gone = timeline(api, other)
    assert gone["entries"] == []
    assert gone["customer"]["merged_into_id"] == survivor
    # The next kakao message lands on the merged customer, in their current conversation.
    later = post_message(api, "혹시 송장번호 알 수 있을까요", channel="kakao", external_id="kk-771")
    assert later["customer_id"] == survivor
    assert later["conversation_id"] == email["conversation_id"]

    undone = api.post(f"/api/v1/customers/merges/{record['id']}/undo")
    assert undone.status_code == 200, undone.text
    assert undone.json()["undone_at"] is not None
    after_survivor = timeline(api, survivor)
    after_other = timeline(api, other)
    assert entry_keys(after_other["entries"]) == entry_keys(before_other["entries"])
    # The survivor keeps their history plus what arrived in their own conversation since.
    kept = entry_keys(after_survivor["entries"])
    assert kept[: len(entry_keys(before_survivor["entries"]))] == entry_keys(
        before_survivor["entries"]
    )
    assert ("message", later["message_id"]) in kept
    assert after_other["customer"]["merged_into_id"] is None
    assert {i["value"] for i in after_other["customer"]["identities"]} == {"kakao:kk-771"}
    assert {i["value"] for i in after_survivor["customer"]["identities"]} == {
        "haneul.park@example.kr"
    }
    kinds = [e["event"]["kind"] for e in after_other["entries"] if e["type"] == "event"]
    assert "customer_merged" in kinds and "merge_undone" in kinds

    again = api.post(f"/api/v1/customers/merges/{record['id']}/undo")
    assert again.status_code == 409


def test_merge_is_audited_and_refuses_nonsense(api: TestClient) -> None:
    one = post_message(api, "환불 문의드려요", email="a1@example.kr")
    two = post_message(api, "환불 문의드려요 (다른 메일)", email="a2@example.kr")
    same = api.post(
        f"/api/v1/customers/{one['customer_id']}/merge", json={"other_id": one["customer_id"]}
    )
    assert same.status_code == 409
    missing = api.post(f"/api/v1/customers/{one['customer_id']}/merge", json={"other_id": 99999})
    assert missing.status_code == 404
    ok = api.post(
        f"/api/v1/customers/{one['customer_id']}/merge", json={"other_id": two["customer_id"]}
    )
    assert ok.status_code == 201
    twice = api.post(
        f"/api/v1/customers/{one['customer_id']}/merge", json={"other_id": two["customer_id"]}
    )
    assert twice.status_code == 409
    listed = api.get(f"/api/v1/customers/{two['customer_id']}/merges").json()["items"]
    assert [m["id"] for m in listed] == [ok.json()["id"]]
    assert listed[0]["actor"] == "api-token"


def test_strong_identifiers_merge_automatically_weak_ones_only_suggest(api: TestClient) -> None:
    by_sms = post_message(api, "택배가 안와요", channel="sms", phone="010-2222-3333")
    by_mail = post_message(api, "배송 문의", channel="email", email="jimin@example.kr")
    assert by_sms["customer_id"] != by_mail["customer_id"]
    # A typed (unverified) e-mail next to the known phone: a suggestion, not a merge.
    weak = post_message(
        api,
        "문자로 보낸 건데요 메일은 jimin@example.kr 이에요",
        channel="sms",
        phone="01022223333",
        email="jimin@example.kr",
    )
    assert weak["customer_id"] == by_sms["customer_id"]
    suggested = api.get(f"/api/v1/customers/{by_sms['customer_id']}/suggestions").json()
    assert [s["customer"]["id"] for s in suggested["items"]] == [by_mail["customer_id"]]
    assert suggested["items"][0]["reasons"] == ["claimed_identity"]
    # A messenger id the e-mail customer gave before, now seen with the phone: strong, merged.
    api.post(
        "/api/v1/messages",
        json={
            "channel": "kakao",
            "customer": {"email": "jimin@example.kr", "external_id": "kk-jimin"},
            "text": "카톡으로도 남겨요",
        },
    )
    both = post_message(
        api,
        "카톡이랑 문자 둘 다 저예요",
        channel="kakao",
        external_id="kk-jimin",
        phone="010-2222-3333",
    )
    assert both["customer_id"] == by_sms["customer_id"]  # the older customer survives
    merges = api.get(f"/api/v1/customers/{by_sms['customer_id']}/merges").json()["items"]
    assert len(merges) == 1 and merges[0]["actor"] == "system"
    assert merges[0]["reason"] == "automatic: same external+phone"
    channels = [
        e["message"]["channel"]
        for e in timeline(api, by_sms["customer_id"])["entries"]
        if e["type"] == "message"
    ]
    assert sorted(channels) == ["email", "kakao", "kakao", "sms", "sms"]
