"""What the customer wants: one of the SPEC intents, or an organisation's own.

An `IntentCatalog` scores every intent's cues (Kiwi morphemes and phrases) and picks the best.
Organisations add intents with keywords and example sentences:

    catalog = IntentCatalog.default().with_intents(
        IntentDefinition.from_keywords("membership", ["멤버십", "등급", "VIP"],
                                       examples=["멤버십 등급은 언제 올라가나요?"]))
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gonggam.triage.features import Features, Phrases, compile_phrases, cue_score
from gonggam.triage.lexicon.intents import INTENT_CUES

INTENTS: tuple[str, ...] = (
    "payment_error",
    "refund_exchange",
    "delivery",
    "account_access",
    "technical_issue",
    "billing",
    "product_quality",
    "service_complaint",
    "general_inquiry",
    "praise",
)
FALLBACK_INTENT = "general_inquiry"
_MIN_EVIDENCE = 1.0
# Stems of example sentences worth keeping as cues (nouns, verb and adjective stems, roots).
_EXAMPLE_TAGS = ("NNG", "NNP", "VV", "VA", "XR", "SL")


@dataclass(frozen=True)
class IntentDefinition:
    """One intent: morpheme cues, phrase cues (regex, weight) and optional example sentences."""

    name: str
    morphs: Mapping[str, float] = field(default_factory=dict)
    phrases: tuple[tuple[str, float], ...] = ()
    examples: tuple[str, ...] = ()

    @classmethod
    def from_keywords(
        cls,
        name: str,
        keywords: Iterable[str],
        *,
        examples: Iterable[str] = (),
        weight: float = 2.0,
    ) -> IntentDefinition:
        """An intent from plain keywords (matched anywhere, case-insensitive) and examples."""
        phrases = tuple((re.escape(word.lower()), weight) for word in keywords if word.strip())
        return cls(name=name, phrases=phrases, examples=tuple(examples))


@dataclass(frozen=True)
class IntentResult:
    """The chosen intent, an honest confidence and every intent's raw score."""

    intent: str
    confidence: float
    scores: Mapping[str, float]


class IntentCatalog:
    """A set of intents that can classify messages; extend it with `with_intents`."""

    def __init__(self, definitions: Sequence[IntentDefinition]) -> None:
        self.definitions = tuple(definitions)
        self._compiled: tuple[tuple[str, Mapping[str, float], Phrases], ...] = tuple(
            (d.name, _with_example_morphs(d), compile_phrases(d.phrases)) for d in self.definitions
        )

    @classmethod
    def default(cls) -> IntentCatalog:
        """The ten SPEC intents with the built-in Korean and English cues."""
        return _default_catalog()

    @property
    def names(self) -> tuple[str, ...]:
        """Intent names in catalog order (earlier wins a tie)."""
        return tuple(d.name for d in self.definitions)

    def with_intents(self, *extra: IntentDefinition) -> IntentCatalog:
        """A new catalog with `extra` intents added; one with an existing name replaces it."""
        replaced = {d.name for d in extra}
        kept = [d for d in self.definitions if d.name not in replaced]
        return IntentCatalog([*extra, *kept])

    def classify(
        self, features: Features, boosts: Mapping[str, float] | None = None
    ) -> IntentResult:
        """Score every intent on `features` (plus `boosts` from other evidence, e.g. an address
        points to delivery); general_inquiry when no intent has enough evidence."""
        scores = {
            name: cue_score(features, morphs, phrases) for name, morphs, phrases in self._compiled
        }
        for name, extra in (boosts or {}).items():
            if name in scores:
                scores[name] += extra
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        best_name, best = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if best < _MIN_EVIDENCE:
            # One passing mention ("상담원") is not a topic; say so with a low confidence.
            return IntentResult(FALLBACK_INTENT, 0.3 if best <= 0.0 else 0.35, scores)
        return IntentResult(best_name, _confidence(best, second), scores)


def _confidence(best: float, second: float) -> float:
    """More evidence and a wider lead over the runner-up give a higher confidence.

    One weak cue stays near 0.4; several strong cues for one intent alone approach 0.95.
    """
    strength = 1.0 - math.exp(-best / 3.0)
    margin = (best - second) / best
    return round(min(0.97, 0.25 + 0.72 * strength * (0.35 + 0.65 * margin)), 3)


def _with_example_morphs(definition: IntentDefinition) -> Mapping[str, float]:
    """The definition's morpheme cues plus content stems of its example sentences."""
    if not definition.examples:
        return definition.morphs
    from gonggam.kit.korean import get_kiwi

    morphs = dict(definition.morphs)
    for tokens in get_kiwi().tokenize(list(definition.examples)):
        for token in tokens:
            if token.tag in _EXAMPLE_TAGS and len(token.form) >= 2:
                morphs.setdefault(token.form.lower(), 0.8)
    return morphs


@lru_cache(maxsize=1)
def _default_catalog() -> IntentCatalog:
    return IntentCatalog(
        [IntentDefinition(name, morphs, phrases) for name, (morphs, phrases) in INTENT_CUES.items()]
    )
