"""Agents correct triage; corrections are stored, shown, applied, and teach the desk's model."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import Role
from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation
from gonggam.corrections.learning import corrected_examples, train_from_corrections
from gonggam.corrections.models import TriageCorrection, TriageModel
from gonggam.corrections.service import correct
from tests.helpers import post_message
from tests.protection.conftest import signed_in

AGENT = Principal(
    user_id=None, email="agent@demo.gonggam", name="이하늘", role=Role.agent, via="token"
)


def test_a_correction_is_stored_shown_and_updates_the_triage(
    api: TestClient, desk: Any, db: sessionmaker[Session]
) -> None:
    sent = post_message(api, "적립금이 없어졌어요", email="points@example.kr")
    before = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()["triage"]
    assert before["intent"] == "product_quality"  # what the rules say; the agent knows better
    agent, token = signed_in(desk, "agent@demo.gonggam")
    page = agent.post(
        f"/conversations/{sent['conversation_id']}/triage",
        data={
            "csrf_token": token,
            "intent": "billing",
            "customer_type": before["customer_type"],
            "emotion": "anxious",
        },
    )
    assert page.status_code == 200
    assert "분류 수정" in page.text
    after = api.get(f"/api/v1/conversations/{sent['conversation_id']}").json()
    assert after["triage"]["intent"] == "billing" and after["triage"]["emotion"] == "anxious"
    event = next(e for e in after["events"] if e["kind"] == "triage_corrected")
    assert event["actor"] == "agent@demo.gonggam"
    assert event["data"]["changes"]["intent"] == ["product_quality", "billing"]
    with db() as session:
        rows = session.scalars(select(TriageCorrection).order_by(TriageCorrection.id)).all()
        assert [(r.field, r.old, r.new, r.message_id) for r in rows] == [
            ("intent", "product_quality", "billing", sent["message_id"]),
            ("emotion", before["emotion"], "anxious", sent["message_id"]),
        ]
        assert corrected_examples(session) == [
            (sent["message_id"], "적립금이 없어졌어요", {"intent": "billing", "emotion": "anxious"})
        ]


def test_training_adopts_a_model_only_when_it_beats_the_rules(
    api: TestClient, db: sessionmaker[Session]
) -> None:
    points = [
        "적립금이 없어졌어요",
        "적립금이 왜 안 들어왔죠",
        "적립금이 사라졌네요",
        "적립금이 이상해요",
        "적립금이 줄었어요",
        "적립금이 없어졌는데 확인해 주세요",
        "적립금이 왜 사라졌나요",
        "지난달 적립금이 줄었네요",
    ]
    grade = [
        "회원 등급이 내려갔어요",
        "회원 등급이 왜 바뀌었죠",
        "회원 등급이 이상해요",
        "회원 등급이 사라졌어요",
    ]
    with db() as session:
        assert train_from_corrections(session).record_id is None  # nothing to learn yet
    for number, (text, label) in enumerate(
        [(t, "billing") for t in points] + [(t, "account_access") for t in grade]
    ):
        sent = post_message(api, text, email=f"learn{number}@example.kr")
        with db() as session:
            conversation = session.get(Conversation, sent["conversation_id"])
            assert conversation is not None
            correct(session, conversation=conversation, actor=AGENT, changes={"intent": label})
    with db() as session:
        training = train_from_corrections(session)
        record = session.get(TriageModel, training.record_id)
        assert record is not None and record.heldout > 0
        assert record.learned_right > record.rules_right and record.adopted
        # Nothing new since: the daily pass does not retrain.
        assert train_from_corrections(session).record_id is None
    # New messages are triaged with the adopted model.
    later = post_message(api, "적립금이 없어졌습니다 확인 부탁", email="after@example.kr")
    triage = api.get(f"/api/v1/conversations/{later['conversation_id']}").json()["triage"]
    assert triage["intent"] == "billing"
