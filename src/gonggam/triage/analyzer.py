"""Triage of one customer message: the `gonggam analyze` contract (SPEC 4).

Pure: text in, a frozen `Analysis` out; no database, no network. `analyze_batch` tokenizes all
texts in one Kiwi batch call, which is most of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gonggam.kit.korean import get_kiwi
from gonggam.triage.abuse import find_abuse
from gonggam.triage.customer_type import classify_customer_type
from gonggam.triage.emotion import classify_emotion
from gonggam.triage.features import build_features
from gonggam.triage.intent import IntentCatalog, IntentDefinition, IntentResult
from gonggam.triage.lexicon.emotions import LEGAL_OR_PUBLIC
from gonggam.triage.pii import find_pii, mask_spans
from gonggam.triage.urgency import classify_urgency

Span = tuple[int, int, str]
CONTRACT_KEYS: tuple[str, ...] = (
    "language",
    "intent",
    "intent_confidence",
    "emotion",
    "intensity",
    "abusive",
    "abuse_spans",
    "customer_type",
    "urgency",
    "pii",
    "masked_text",
)
# Kiwi's cost grows with the text; beyond this many characters the rules see only the head and
# tail morphemes (the surface regexes still read everything), which keeps 20k-character
# e-mails fast.
_TOKENIZE_LIMIT = 4000
_LEGAL_OR_PUBLIC = re.compile(LEGAL_OR_PUBLIC)
# Kiwi cannot encode a lone surrogate and would fail the whole batch.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Analysis:
    """Everything triage says about one message."""

    language: str
    intent: str
    intent_confidence: float
    emotion: str
    intensity: float
    abusive: bool
    abuse_spans: list[Span]
    customer_type: str
    urgency: str
    pii: list[Span]
    masked_text: str

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON object: exactly its keys, spans as `[start, end, kind]` lists."""
        return {
            "language": self.language,
            "intent": self.intent,
            "intent_confidence": self.intent_confidence,
            "emotion": self.emotion,
            "intensity": self.intensity,
            "abusive": self.abusive,
            "abuse_spans": [list(span) for span in self.abuse_spans],
            "customer_type": self.customer_type,
            "urgency": self.urgency,
            "pii": [list(span) for span in self.pii],
            "masked_text": self.masked_text,
        }


def analyze(
    text: str,
    *,
    channel: str | None = None,
    catalog: IntentCatalog | None = None,
    intents: Sequence[IntentDefinition] = (),
) -> Analysis:
    """Triage one message. `channel` (e.g. "social") can raise urgency of public complaints;
    `intents` adds an organisation's own intents to `catalog` (default: the ten built-in)."""
    return analyze_batch([text], channel=channel, catalog=catalog, intents=intents)[0]


def analyze_batch(
    texts: Sequence[str],
    *,
    channel: str | None = None,
    catalog: IntentCatalog | None = None,
    intents: Sequence[IntentDefinition] = (),
) -> list[Analysis]:
    """Triage many messages, tokenizing them in one Kiwi batch call; order is kept.

    Without `catalog` or `intents` the intent is one of the ten of the contract.
    """
    if not texts:
        return []
    token_lists = get_kiwi().tokenize([_tokenizable(text) for text in texts])
    active = catalog or IntentCatalog.default()
    if intents:
        active = active.with_intents(*intents)
    return [
        _analyze_one(text, tokens, channel, active)
        for text, tokens in zip(texts, token_lists, strict=True)
    ]


def _tokenizable(text: str) -> str:
    """What Kiwi gets: lone surrogates (from JSON like "\\ud800") replaced, long text cut."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    if len(text) <= _TOKENIZE_LIMIT:
        return text
    half = _TOKENIZE_LIMIT // 2
    return text[:half] + "\n" + text[-half:]


def _analyze_one(
    text: str, tokens: Iterable[Any], channel: str | None, catalog: IntentCatalog
) -> Analysis:
    features = build_features(text, tokens)
    pii = find_pii(text)
    abuse_spans = find_abuse(text)
    abuse_kinds = {kind for _start, _end, kind in abuse_spans}
    intent = catalog.classify(features, _pii_boosts(pii))
    topic = intent.intent
    if intent.intent == "general_inquiry" and (
        abuse_kinds & {"profanity", "insult", "threat"} or _LEGAL_OR_PUBLIC.search(features.lower)
    ):
        # Hostility or a legal/public threat with no other topic is about the service itself.
        intent = IntentResult("service_complaint", 0.4, intent.scores)
    elif abuse_kinds == {"sexual"} and max(intent.scores.values()) < 2.0:
        # Harassment with only a passing mention of anything else has no service topic.
        intent = IntentResult("general_inquiry", 0.35, intent.scores)
    emotion = classify_emotion(features, abuse_kinds)
    customer_type = classify_customer_type(
        features,
        intent=topic,
        emotion=emotion.emotion,
        intensity=emotion.intensity,
        abusive=bool(abuse_spans),
    )
    urgency = classify_urgency(
        features,
        intent=intent.intent,
        emotion=emotion.emotion,
        intensity=emotion.intensity,
        abuse_kinds=abuse_kinds,
        channel=channel,
    )
    return Analysis(
        language=features.language,
        intent=intent.intent,
        intent_confidence=intent.confidence,
        emotion=emotion.emotion,
        intensity=emotion.intensity,
        abusive=bool(abuse_spans),
        abuse_spans=abuse_spans,
        customer_type=customer_type,
        urgency=urgency,
        pii=pii,
        masked_text=mask_spans(text, pii),
    )


def _pii_boosts(pii: list[Span]) -> dict[str, float]:
    """What the kinds of personal data in a message hint at: an address → delivery, etc."""
    boosts: dict[str, float] = {}
    for _start, _end, kind in pii:
        if kind == "address":
            boosts["delivery"] = 1.0
        elif kind == "account":
            boosts["refund_exchange"] = 1.0
    return boosts
