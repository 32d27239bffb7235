"""What the customer wants: one of the SPEC intents, or an organisation's own.

An `IntentCatalog` scores every intent's cues (Kiwi morphemes and phrases) and picks the best.
Organisations add intents with cue phrases (matched on Kiwi morphemes, so spacing, particles
and word order may vary) and example sentences:

    catalog = IntentCatalog.default().with_intents(
        IntentDefinition.from_cues("membership_points", ["포인트 적립", "적립금"],
                                   examples=["멤버십 등급은 언제 올라가나요?"]))

Added intents come after the built-in ones, so an added intent wins only when its cues score
higher than every built-in intent's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gonggam.triage.features import (
    Features,
    Phrases,
    closing_courtesy,
    compile_phrases,
    cue_score,
    has_morph,
)
from gonggam.triage.lexicon.intents import INTENT_COMBOS, INTENT_CUES

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
# The cue's words right next to each other (particles and spacing may differ) add this much.
_ADJACENT_BONUS = 0.5
_SPACE = re.compile(r"\s+")
# A cue inside the clause that asks for something counts this much more: in "앱이 꺼져서 배송
# 조회를 못해요. 송장번호 알려주세요" the customer wants the tracking number, not an app fix.
_REQUEST_BONUS = 0.5
_CLEAR_TOPIC = 2.0
# Praise first, then a small complaint introduced softly ("다만 배송이 조금 늦었던 게 아쉽네요"):
# the message is praise, the complaint a side note.
_SOFTENER = re.compile(r"(다만|아쉬운\s?(점|건|게)|아쉽|빼고는|빼면|개선\S{0,4}\s?(주|되|하)|but )")
_SIDE_NOTE_WEIGHT = 0.5

# Several morphemes that count together: (all of these forms, weight).
MorphGroup = tuple[frozenset[str], float]
# Any of the first forms with any of the second: (forms, forms, weight).
MorphCombo = tuple[frozenset[str], frozenset[str], float]


@dataclass(frozen=True)
class IntentDefinition:
    """One intent: morpheme cues, phrase cues (regex, weight) and optional example sentences."""

    name: str
    morphs: Mapping[str, float] = field(default_factory=dict)
    phrases: tuple[tuple[str, float], ...] = ()
    examples: tuple[str, ...] = ()
    groups: tuple[MorphGroup, ...] = ()
    combos: tuple[MorphCombo, ...] = ()

    @classmethod
    def from_cues(
        cls,
        name: str,
        cues: Iterable[str],
        *,
        examples: Iterable[str] = (),
        weight: float = 2.0,
    ) -> IntentDefinition:
        """An intent from cue phrases, matched like the built-in cues.

        A one-word cue ("적립금") is a morpheme cue. A longer cue ("포인트 적립") counts when
        all its content morphemes occur in the message in any form ("포인트가 적립이 안 됐어요",
        "포인트적립"), and a little more when its words stand together in order.
        """
        morphs: dict[str, float] = {}
        groups: list[MorphGroup] = []
        phrases: list[tuple[str, float]] = []
        for cue in cues:
            words = _SPACE.split(cue.strip().lower())
            if not words or not words[0]:
                continue
            stems = _content_morphs(" ".join(words))
            if len(words) == 1:
                morphs[words[0]] = max(morphs.get(words[0], 0.0), weight)
                continue
            groups.append((stems or frozenset(words), weight))
            # Each word may carry a particle or ending (up to three characters) before the next.
            joined = r"\S{0,3}\s*".join(re.escape(word) for word in words)
            phrases.append((joined, _ADJACENT_BONUS))
        return cls(
            name=name,
            morphs=morphs,
            phrases=tuple(phrases),
            examples=tuple(examples),
            groups=tuple(groups),
        )

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
        self._compiled: tuple[
            tuple[
                str, Mapping[str, float], Phrases, tuple[MorphGroup, ...], tuple[MorphCombo, ...]
            ],
            ...,
        ] = tuple(
            (d.name, _with_example_morphs(d), compile_phrases(d.phrases), d.groups, d.combos)
            for d in self.definitions
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
        """A new catalog with `extra` intents after the existing ones (so the existing ones win
        a tie); one with an existing name replaces it."""
        replaced = {d.name for d in extra}
        kept = [d for d in self.definitions if d.name not in replaced]
        return IntentCatalog([*kept, *extra])

    def classify(
        self, features: Features, boosts: Mapping[str, float] | None = None
    ) -> IntentResult:
        """Score every intent on `features` (plus `boosts` from other evidence, e.g. an address
        points to delivery); general_inquiry when no intent has enough evidence."""
        scores: dict[str, float] = {}
        for name, morphs, phrases, groups, combos in self._compiled:
            score = (
                cue_score(features, morphs, phrases)
                + _group_score(features, groups)
                + _combo_score(features, combos)
            )
            if score >= _CLEAR_TOPIC:
                # Only a topic the message is already about gains from being asked for.
                score += _request_score(features, morphs)
            scores[name] = score
        for name, extra in (boosts or {}).items():
            if name in scores:
                scores[name] += extra
        _weigh_praise(features, scores)
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


def _group_score(features: Features, groups: tuple[MorphGroup, ...]) -> float:
    """Weights of the groups whose every morpheme occurs in the message."""
    return sum(
        weight for forms, weight in groups if all(has_morph(features, form) for form in forms)
    )


def _combo_score(features: Features, combos: tuple[MorphCombo, ...]) -> float:
    """Weights of the combinations with one form of each side in the message."""
    return sum(
        weight
        for left, right, weight in combos
        if any(has_morph(features, form) for form in left)
        and any(has_morph(features, form) for form in right)
    )


def _request_score(features: Features, morphs: Mapping[str, float]) -> float:
    """Extra for morpheme cues inside the clause that asks for something."""
    if not features.request_morphs:
        return 0.0
    return _REQUEST_BONUS * sum(
        weight for form, weight in morphs.items() if form in features.request_morphs
    )


def _weigh_praise(features: Features, scores: dict[str, float]) -> None:
    """Closing thanks after a request is not praise; a soft side note does not outweigh praise."""
    if "praise" not in scores:
        return
    if closing_courtesy(features):
        scores["praise"] = max(0.0, scores["praise"] - 1.5)
    praise = scores["praise"]
    others = max((value for name, value in scores.items() if name != "praise"), default=0.0)
    if praise >= 1.5 and others > 0 and _SOFTENER.search(features.lower):
        for name in scores:
            if name != "praise":
                scores[name] *= _SIDE_NOTE_WEIGHT


def _content_morphs(text: str) -> frozenset[str]:
    """The content stems of a cue phrase (nouns, verb and adjective stems, roots, Latin)."""
    from gonggam.kit.korean import get_kiwi

    return frozenset(
        token.form.lower() for token in get_kiwi().tokenize(text) if token.tag in _EXAMPLE_TAGS
    )


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
        [
            IntentDefinition(name, morphs, phrases, combos=INTENT_COMBOS.get(name, ()))
            for name, (morphs, phrases) in INTENT_CUES.items()
        ]
    )
