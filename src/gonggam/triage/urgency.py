"""How fast someone must answer: low, normal, high, urgent."""

from __future__ import annotations

import re

from gonggam.triage.features import Features, bounded, compile_phrases, cue_score
from gonggam.triage.lexicon.emotions import HIGH, PROBLEM_OR_REQUEST, QUESTION, URGENT

URGENCIES: tuple[str, ...] = ("low", "normal", "high", "urgent")
_URGENT = compile_phrases(URGENT)
_HIGH = compile_phrases(HIGH)
_PROBLEM = re.compile(bounded(PROBLEM_OR_REQUEST))
_QUESTION = re.compile(bounded(QUESTION))
# Intents where a calm question with no problem in it can wait (a how-to, a policy question).
_QUESTION_INTENTS = frozenset({"general_inquiry", "billing", "refund_exchange", "account_access"})
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
    """Urgent: money frozen, business stopped, safety, legal action, public post, threats.

    High: a deadline, money lost or an account taken over, a repeated complaint, strong anger.
    Low: praise, and calm questions that report no problem. Everything else is normal.
    """
    negative = emotion in ("angry", "frustrated", "anxious")
    if "threat" in abuse_kinds or cue_score(features, {}, _URGENT) >= 2.5:
        return "urgent"
    if channel and channel.lower() in _PUBLIC_CHANNELS and negative:
        return "urgent"
    if cue_score(features, {}, _HIGH) >= 1.5 or (emotion == "angry" and intensity >= 0.85):
        return "high"
    if emotion == "angry" and abuse_kinds & {"profanity", "insult"}:
        return "high"
    if (intent == "praise" or emotion == "satisfied") and abuse_kinds <= {"profanity"}:
        return "low"
    if abuse_kinds or negative:
        return "normal"
    if (
        intent in _QUESTION_INTENTS
        and _QUESTION.search(features.lower) is not None
        and _PROBLEM.search(features.lower) is None
    ):
        return "low"
    return "normal"
