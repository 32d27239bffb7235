"""The coach inside the desk: context, near-copies, stored results, playbooks, phrases, drafts."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.coach.conftest import FakeModel
from tests.helpers import make_team, make_user, post_message

DOUBLE_CHARGE = (
    "어제 프리미엄 요금제 결제했는데 카드에서 59,000원이 두 번 빠져나갔어요. "
    "회사 발표 자료를 오늘 밤까지 올려야 하는데 앱은 아직 무료 요금제로 나와요!"
)
CLICHE_ONLY = "불편을 드려 죄송합니다. 확인 후 안내해 드리겠습니다."
GOOD_REPLY = (
    "한지우 고객님, 프리미엄 요금제 59,000원이 두 번 결제되어 오늘 밤 발표 준비에 차질이 "
    "생기셨겠어요. 많이 답답하셨겠어요. 저희 결제 처리 오류이고 저희 잘못입니다. 지금 "
    "결제팀이 최우선으로 중복 결제를 취소하고 있으며 오늘 오후 6시까지 환불과 요금제 반영을 "
    "마치겠습니다. 그동안은 제가 임시로 프리미엄 기능을 열어 드렸습니다. 처리되면 제가 직접 "
    "다시 연락드리겠습니다. 알려 주셔서 감사합니다."
)


def _rule(body: dict[str, object], rule_id: str) -> dict[str, object]:
    rules = body["rules"]
    assert isinstance(rules, list)
    return next(r for r in rules if r["id"] == rule_id)


def test_coach_uses_the_conversations_context(api: TestClient) -> None:
    ids = post_message(api, DOUBLE_CHARGE, email="jiwoo@example.kr", name="한지우")
    url = f"/api/v1/conversations/{ids['conversation_id']}/coach"
    weak = api.post(url, json={"text": CLICHE_ONLY}).json()
    assert weak["situation"] == "payment_error"  # from triage, not guessed from the reply
    assert weak["score"] < 60
    assert _rule(weak, "no_template")["status"] == "fail"
    assert [c[2] for c in weak["cliches"]] == [
        "불편을 드려 죄송합니다",
        "확인 후 안내해 드리겠습니다",
    ]
    # The context rule quotes what this customer wrote.
    assert _rule(weak, "context")["status"] == "fail"
    empathy = _rule(weak, "empathy")
    assert empathy["insert"] and "답답하셨겠어요" in str(empathy["insert"])

    strong = api.post(url, json={"text": GOOD_REPLY}).json()
    assert strong["score"] >= 80 and strong["cliches"] == []
    assert _rule(strong, "impact")["status"] == "pass"
    assert _rule(strong, "policy_alternative")["status"] == "n/a"


def test_near_copy_of_a_reply_to_another_customer_fails_no_template(api: TestClient) -> None:
    make_team(api, "billing", ["payment_error", "billing"], default=True)
    agent = make_user(api, "sora@desk.kr", "agent", team="billing")
    as_agent = {"Authorization": f"Bearer {agent}"}
    first = post_message(api, DOUBLE_CHARGE, email="jiwoo@example.kr", name="한지우")
    second = post_message(
        api,
        "결제가 두 번 됐어요. 카드 문자 두 개 왔고 59,000원씩 빠졌습니다. 오늘 밤까지 써야 해요.",
        email="minho@example.kr",
        name="이민호",
    )
    sent = api.post(
        f"/api/v1/conversations/{first['conversation_id']}/reply",
        json={"text": GOOD_REPLY},
        headers=as_agent,
    )
    assert sent.status_code == 201
    copy = GOOD_REPLY.replace("한지우", "이민호")
    other = api.post(
        f"/api/v1/conversations/{second['conversation_id']}/coach",
        json={"text": copy},
        headers=as_agent,
    ).json()
    no_template = _rule(other, "no_template")
    assert no_template["status"] == "fail"
    # The same words from another agent (who never sent them) are not a copy.
    fresh = api.post(
        f"/api/v1/conversations/{second['conversation_id']}/coach", json={"text": copy}
    ).json()
    assert _rule(fresh, "no_template")["status"] == "pass"


def test_sent_replies_keep_their_coaching_and_the_report_averages_them(api: TestClient) -> None:
    make_team(api, "billing", ["payment_error", "billing"], default=True)
    agent = make_user(api, "sora@desk.kr", "agent", team="billing")
    supervisor = make_user(api, "lead@desk.kr", "supervisor", team="billing")
    as_agent = {"Authorization": f"Bearer {agent}"}
    ids = post_message(api, DOUBLE_CHARGE, email="jiwoo@example.kr", name="한지우")
    for text in (CLICHE_ONLY, GOOD_REPLY):
        response = api.post(
            f"/api/v1/conversations/{ids['conversation_id']}/reply",
            json={"text": text},
            headers=as_agent,
        )
        assert response.status_code == 201
    events = api.get(f"/api/v1/conversations/{ids['conversation_id']}").json()["events"]
    coached = [e for e in events if e["kind"] == "reply_coached"]
    assert len(coached) == 2
    assert "no_template" in coached[0]["data"]["failed"]

    forbidden = api.get("/api/v1/reports/coaching", headers=as_agent)
    assert forbidden.status_code == 403
    report = api.get(
        "/api/v1/reports/coaching", headers={"Authorization": f"Bearer {supervisor}"}
    ).json()
    (sora,) = report["agents"]
    assert sora["key"] == "sora@desk.kr" and sora["replies"] == 2
    low, high = coached[0]["data"]["score"], coached[1]["data"]["score"]
    assert sora["average_score"] == round((low + high) / 2, 1)
    assert sora["cliche_rate"] == 0.5
    assert report["teams"][0]["key"] == "billing" and report["teams"][0]["replies"] == 2


def test_admin_edits_a_playbook_and_an_agent_cannot(api: TestClient) -> None:
    agent = make_user(api, "sora@desk.kr", "agent")
    books = {b["customer_type"]: b for b in api.get("/api/v1/playbooks").json()}
    assert books["emotional"]["steps"][0].startswith("먼저 감정을 가라앉히도록")
    assert books["emotional"]["edited"] is False
    steps = ["끝까지 듣고 고객님 말을 그대로 되짚습니다.", "무엇이 잘못됐는지 하나씩 여쭙니다."]
    refused = api.put(
        "/api/v1/playbooks/emotional",
        json={"steps": steps},
        headers={"Authorization": f"Bearer {agent}"},
    )
    assert refused.status_code == 403
    edited = api.put("/api/v1/playbooks/emotional", json={"steps": steps}).json()
    assert edited["steps"] == steps and edited["edited"] is True
    reset = api.delete("/api/v1/playbooks/emotional").json()
    assert reset["edited"] is False and reset["steps"] == books["emotional"]["steps"]
    assert api.put("/api/v1/playbooks/vip", json={"steps": steps}).status_code == 404


def test_admin_phrase_makes_a_reply_fail_no_template(api: TestClient) -> None:
    ids = post_message(api, "주문한 운동화가 일주일째 안 와요. 언제 와요?", email="a@example.kr")
    url = f"/api/v1/conversations/{ids['conversation_id']}/coach"
    reply = "고객님 소중한 시간 내어 연락 주셔서 진심으로 감사드립니다. 운동화는 내일 도착합니다."
    before = api.post(url, json={"text": reply}).json()
    assert before["cliches"] == []
    added = api.post(
        "/api/v1/coach/phrases", json={"phrase": "소중한 시간 내어 연락 주셔서 감사합니다"}
    )
    assert added.status_code == 201
    after = api.post(url, json={"text": reply}).json()
    assert [c[2] for c in after["cliches"]] == ["소중한 시간 내어 연락 주셔서 감사합니다"]
    assert _rule(after, "no_template")["status"] == "fail"
    assert after["score"] < before["score"]
    assert api.post("/api/v1/coach/phrases", json={"phrase": "!!!"}).status_code == 422


DEMO_LIKE = [
    ("결제가 두 번 됐어요. 카드 문자 두 개 왔고 59,000원씩 빠졌습니다.", "한지우"),
    ("아니 주문한지 일주일이 넘었는데 아직도 배송준비중이 말이 됩니까???", "오세훈"),
    (
        "앱이 업데이트 이후로 실행하자마자 꺼집니다. 매장 재고 확인을 못 해서 업무가 멈췄어요.",
        "문재원",
    ),
    ("받은 운동화 밑창이 이틀 만에 떨어졌습니다. 전액 환불에 보상금까지 요구합니다.", "강태호"),
    ("상담원 태도가 너무 불쾌했어요. 한숨 쉬면서 그것도 모르냐는 식이었어요.", "서민지"),
    ("I was charged twice for my annual subscription this morning. Please refund one.", "Daniel"),
]


def test_drafts_for_demo_like_conversations_score_80_without_cliches(api: TestClient) -> None:
    for number, (text, name) in enumerate(DEMO_LIKE):
        ids = post_message(api, text, email=f"c{number}@example.kr", name=name)
        body = api.post(f"/api/v1/conversations/{ids['conversation_id']}/draft").json()
        assert body["source"] == "builtin"
        assert body["text"].startswith((f"{name} 고객님", f"Hi {name}"))
        assert body["coaching"]["score"] >= 80, (text, body)
        assert body["coaching"]["cliches"] == []


def test_configured_model_writes_the_draft_and_falls_back_on_error(
    model_server: FakeModel, database_url: str
) -> None:
    from gonggam.app import create_app
    from tests.conftest import API_TOKEN, make_settings

    settings = make_settings(database_url).model_copy(
        update={"llm_url": model_server.url, "llm_model": "local-test", "llm_timeout_seconds": 2.0}
    )
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    with TestClient(create_app(settings), headers=headers) as client:
        ids = post_message(client, DOUBLE_CHARGE, email="jiwoo@example.kr", name="한지우")
        url = f"/api/v1/conversations/{ids['conversation_id']}/draft"
        model_server.content = GOOD_REPLY
        body = client.post(url).json()
        assert body["source"] == "llm" and body["text"] == GOOD_REPLY
        assert body["coaching"]["score"] >= 80
        sent = model_server.requests[-1]["body"]
        assert isinstance(sent, dict) and "한지우" in str(sent["messages"])
        model_server.status = 500
        fallback = client.post(url).json()
        assert fallback["source"] == "builtin" and fallback["coaching"]["score"] >= 80
