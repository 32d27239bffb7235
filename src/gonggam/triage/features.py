"""What the rule modules look at: the lower-cased text and its Kiwi morphemes.

Tokenizing is the expensive step, so `analyze_batch` tokenizes all texts in one Kiwi batch
call and builds one `Features` per message from the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gonggam.triage.language import detect_language

Phrases = tuple[tuple[re.Pattern[str], float], ...]
# Content morphemes: nouns, verb/adjective stems, roots, adverbs, foreign words.
_CONTENT_TAGS = ("N", "V", "X", "M", "S")


@dataclass(frozen=True)
class Features:
    """A message prepared for the rules."""

    text: str
    lower: str
    language: str
    morphs: frozenset[str]


def build_features(text: str, tokens: Iterable[Any]) -> Features:
    """Features of `text` from its Kiwi tokens (objects with `.form` and `.tag`)."""
    morphs = {
        token.form.lower()
        for token in tokens
        if token.tag[0] in _CONTENT_TAGS and token.tag not in ("SF", "SP", "SS", "SE", "SO")
    }
    return Features(
        text=text, lower=text.lower(), language=detect_language(text), morphs=frozenset(morphs)
    )


def compile_phrases(phrases: Iterable[tuple[str, float]]) -> Phrases:
    """Compile (regex, weight) pairs once."""
    return tuple((re.compile(pattern), weight) for pattern, weight in phrases)


def cue_score(
    features: Features, morphs: Mapping[str, float], phrases: Phrases, cap: int = 2
) -> float:
    """Sum of the weights of the cues present; a phrase repeated counts at most `cap` times."""
    score = sum(weight for form, weight in morphs.items() if form in features.morphs)
    for pattern, weight in phrases:
        hits = 0
        for _match in pattern.finditer(features.lower):
            hits += 1
            if hits >= cap:
                break
        score += weight * hits
    return score
