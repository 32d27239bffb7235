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

# Content morphemes: nouns, verb/adjective stems, roots, adverbs, foreign words.
_CONTENT_TAGS = ("N", "V", "X", "M", "S")


# Keywords that are also common endings or parts of other words ("한잔 하자" is no defect,
# "이사기간" no fraud): matched only as Kiwi morphemes, never as plain substrings.
MORPH_ONLY: frozenset[str] = frozenset({"하자", "상하", "인상", "사기", "무시", "반말"})

# A negating prefix turns praise into complaint (불친절, 불만족); keep "친절" from matching there.
_NEGATED = re.compile(r"(불|무|비)(친절|만족|성의|책임)")


@dataclass(frozen=True)
class Features:
    """A message prepared for the rules.

    `lower` is the lower-cased text for phrase patterns; `surface` is the same with negated
    words broken apart, for plain keyword lookups; `morphs` are Kiwi content morphemes, with
    adjacent nouns also joined (비밀+번호 → 비밀번호) and negating prefixes kept (불+친절 → 불친절).
    """

    text: str
    lower: str
    surface: str
    language: str
    morphs: frozenset[str]


def build_features(text: str, tokens: Iterable[Any]) -> Features:
    """Features of `text` from its Kiwi tokens (objects with `.form`, `.tag`, `.start`, `.len`)."""
    morphs: set[str] = set()
    previous: Any = None
    for token in tokens:
        tag = token.tag
        if tag[0] in _CONTENT_TAGS and tag not in ("SF", "SP", "SS", "SE", "SO", "SN"):
            form = token.form.lower()
            morphs.add(form)
            joined = previous is not None and previous.start + previous.len == token.start
            if joined and (previous.tag == "XPN" or (previous.tag == "NNG" and tag == "NNG")):
                morphs.add(previous.form.lower() + form)
        previous = token
    lower = text.lower()
    return Features(
        text=text,
        lower=lower,
        surface=_NEGATED.sub(r"\1 \2", lower),
        language=detect_language(text),
        morphs=frozenset(morphs),
    )


@dataclass(frozen=True)
class Phrases:
    """Compiled (regex, weight) cues, with one combined regex that says whether any can match.

    Most messages match none of a label's phrases, so one search with the combined pattern
    saves running each phrase separately (the hot loop of triage).
    """

    gate: re.Pattern[str] | None
    items: tuple[tuple[re.Pattern[str], float], ...]


def bounded(pattern: str) -> str:
    """`pattern` with open-ended repeats capped (\\S* → \\S{0,12}, \\d+ → \\d{1,7}, \\w*).

    An open repeat in the middle of a cue backtracks quadratically on a long run without
    spaces (20,000 zeros, or "결제" 10,000 times, took tens of seconds); cues never need more.
    """
    return (
        pattern.replace(r"\S*", r"\S{0,12}")
        .replace(r"\d+", r"\d{1,7}")
        .replace(r"\w*", r"\w{0,20}")
    )


def compile_phrases(phrases: Iterable[tuple[str, float]]) -> Phrases:
    """Compile (regex, weight) pairs once, with open-ended repeats bounded."""
    pairs = tuple((bounded(pattern), weight) for pattern, weight in phrases)
    gate = re.compile("|".join(f"(?:{pattern})" for pattern, _ in pairs)) if pairs else None
    return Phrases(gate, tuple((re.compile(pattern), weight) for pattern, weight in pairs))


def cue_score(
    features: Features, morphs: Mapping[str, float], phrases: Phrases, cap: int = 2
) -> float:
    """Sum of the weights of the cues present; a phrase repeated counts at most `cap` times.

    A keyword of two or more characters also counts when it appears in the text itself, since
    Kiwi may split a compound (유통+기한) or attach a particle differently.
    """
    score = sum(
        weight
        for form, weight in morphs.items()
        if form in features.morphs
        or (len(form) >= 2 and form not in MORPH_ONLY and form in features.surface)
    )
    if phrases.gate is None or phrases.gate.search(features.lower) is None:
        return score
    for pattern, weight in phrases.items:
        hits = 0
        for _match in pattern.finditer(features.lower):
            hits += 1
            if hits >= cap:
                break
        score += weight * hits
    return score
