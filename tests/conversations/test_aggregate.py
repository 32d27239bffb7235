"""The conversation-level triage keeps what matters from earlier messages."""

from __future__ import annotations

from gonggam.conversations.aggregate import merge_triage

ANGRY = {
    "intent": "payment_error",
    "intent_confidence": 0.8,
    "emotion": "angry",
    "intensity": 0.9,
    "urgency": "urgent",
    "customer_type": "emotional",
    "abusive": False,
    "masked_text": "돈이 두 번 빠져나갔다고요!!",
}
CALM = {
    "intent": "general_inquiry",
    "intent_confidence": 0.3,
    "emotion": "neutral",
    "intensity": 0.1,
    "urgency": "normal",
    "customer_type": "standard",
    "abusive": False,
    "masked_text": "그래서 언제 되나요?",
}


def test_calm_follow_up_does_not_hide_an_angry_urgent_case() -> None:
    merged = merge_triage(ANGRY, CALM)
    assert merged["emotion"] == "angry"
    assert merged["urgency"] == "urgent"
    assert merged["intent"] == "payment_error"
    assert merged["customer_type"] == "emotional"
    assert merged["masked_text"] == "그래서 언제 되나요?"


def test_satisfied_customer_shows_as_satisfied() -> None:
    thanks = CALM | {"emotion": "satisfied", "intensity": 0.6, "intent": "praise", "urgency": "low"}
    merged = merge_triage(ANGRY, thanks)
    assert merged["emotion"] == "satisfied"
    assert merged["intent"] == "praise"
    assert merged["urgency"] == "urgent"  # priority only rises automatically


def test_first_message_is_taken_as_is() -> None:
    assert merge_triage(None, CALM) == CALM
