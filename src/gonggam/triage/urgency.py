"""How fast someone must answer: low, normal, high, urgent."""

from __future__ import annotations

from gonggam.triage.features import Features, compile_phrases, cue_score
from gonggam.triage.lexicon.emotions import HIGH, URGENT

URGENCIES: tuple[str, ...] = ("low", "normal", "high", "urgent")
_URGENT = compile_phrases(URGENT)
_HIGH = compile_phrases(HIGH)
_PUBLIC_CHANNELS = frozenset({"social", "review", "sns", "twitter", "instagram", "facebook"})


def classify_urgency(
    features: Features,
    *,
    intent: str,
    emotion: str,
    intensity: float,
    abuse_kinds: set[str],
    channel: str | None = None,
) -> str:
    """Urgent: money blocked now, business stopped, safety, legal threat, public post, threats.

    High: a deadline, money lost or an account taken over, a repeated complaint, strong anger.
    Low: praise and simple questions asked calmly. Everything else is normal.
    """
    negative = emotion in ("angry", "frustrated", "anxious")
    if "threat" in abuse_kinds or cue_score(features, {}, _URGENT) >= 2.5:
        return "urgent"
    if channel and channel.lower() in _PUBLIC_CHANNELS and negative:
        return "urgent"
    if cue_score(features, {}, _HIGH) >= 1.5 or (emotion == "angry" and intensity >= 0.8):
        return "high"
    if intent in ("praise", "general_inquiry") and not negative:
        return "low"
    return "normal"
