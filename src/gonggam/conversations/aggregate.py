"""A conversation's triage as a whole, from the triage of each customer message.

The latest message says what the conversation is about now, but a calm follow-up
("환불 언제 돼요?") must not make an angry, urgent case look calm in the inbox.
"""

from __future__ import annotations

from typing import Any

URGENCY_ORDER = ("low", "normal", "high", "urgent")
NEGATIVE = frozenset({"anxious", "frustrated", "angry"})


def merge_triage(previous: dict[str, Any] | None, latest: dict[str, Any]) -> dict[str, Any]:
    """Latest topic and text; the strongest urgency, feeling and customer type seen so far."""
    if not previous:
        return dict(latest)
    merged = dict(latest)
    if latest.get("intent") == "general_inquiry" and previous.get("intent") != "general_inquiry":
        merged["intent"] = previous.get("intent")
        merged["intent_confidence"] = previous.get("intent_confidence")
    merged["urgency"] = max(
        (previous.get("urgency"), latest.get("urgency")),
        key=lambda u: URGENCY_ORDER.index(u) if u in URGENCY_ORDER else -1,
    )
    # A customer who is now satisfied shows it; otherwise the stronger negative feeling stays.
    if latest.get("emotion") != "satisfied" and _strength(previous) > _strength(latest):
        merged["emotion"] = previous.get("emotion")
        merged["intensity"] = previous.get("intensity")
    if latest.get("customer_type") in (None, "standard") and previous.get("customer_type"):
        merged["customer_type"] = previous["customer_type"]
    merged["abusive"] = bool(previous.get("abusive")) or bool(latest.get("abusive"))
    return merged


def _strength(triage: dict[str, Any]) -> float:
    if triage.get("emotion") not in NEGATIVE:
        return 0.0
    return float(triage.get("intensity") or 0.0)
