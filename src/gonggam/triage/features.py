"""What the rule modules look at: the lower-cased text and its Kiwi morphemes.

Tokenizing is the expensive step, so `analyze_batch` tokenizes all texts in one Kiwi batch
call and builds one `Features` per message from the result.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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

# Where the customer asks for something: the clause ending in one of these holds the request,
# which in a long polite message is often buried between greetings and background.
_REQUEST = re.compile(
    r"(주세요|주십시오|주시겠|주실\s?수|주시면|부탁|바랍니다|원합니다|싶어요|싶습니다|싶은데|싶네요"
    r"|알려|해\s?줘|할\s?수\s?있나요|가능한가요|가능할까요|please|i want|i need|can you)"
)
# Thanks that only closes a request ("확인 부탁드립니다. 감사합니다") is courtesy, not praise.
_COURTESY = re.compile(
    r"(감사하겠|미리\s?감사|(감사합니다|감사드립니다|고맙습니다|감사해요)[.!~\s]*$)"
)
_ASKS = re.compile(r"(\?|부탁|주세요|주시겠|주시면|문의|궁금|알고\s?싶|나요|까요)")
# A clause ends at sentence punctuation, a line break or a polite sentence ending.
_CLAUSE_END = re.compile(r"[.!?\n]|[요다]\s")


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
    request_morphs: frozenset[str] = frozenset()


def build_features(text: str, tokens: Iterable[Any]) -> Features:
    """Features of `text` from its Kiwi tokens (objects with `.form`, `.tag`, `.start`, `.len`)."""
    morphs: set[str] = set()
    request: set[str] = set()
    spans = request_spans(text)
    previous: Any = None
    for token in tokens:
        tag = token.tag
        if tag[0] in _CONTENT_TAGS and tag not in ("SF", "SP", "SS", "SE", "SO", "SN"):
            form = token.form.lower()
            morphs.add(form)
            if any(start <= token.start < end for start, end in spans):
                request.add(form)
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
        request_morphs=frozenset(request),
    )


def closing_courtesy(features: Features) -> bool:
    """True when the message asks for something and its thanks only sign the request off."""
    return _COURTESY.search(features.lower) is not None and _ASKS.search(features.lower) is not None


def request_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of `text` that ask for something ("…송장번호 알려주세요"), as (start, end)."""
    spans: list[tuple[int, int]] = []
    ends: list[int] | None = None
    for match in _REQUEST.finditer(text.lower()):
        if ends is None:
            ends = [end.end() for end in _CLAUSE_END.finditer(text)]
        before = bisect_right(ends, match.start())
        spans.append((ends[before - 1] if before else 0, match.end()))
    return spans


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


def has_morph(features: Features, form: str) -> bool:
    """True when the keyword `form` is one of the message's morphemes, or (two characters or
    more, not a morpheme-only word) appears in the text itself."""
    return form in features.morphs or (
        len(form) >= 2 and form not in MORPH_ONLY and form in features.surface
    )


def cue_score(
    features: Features, morphs: Mapping[str, float], phrases: Phrases, cap: int = 2
) -> float:
    """Sum of the weights of the cues present; a phrase repeated counts at most `cap` times.

    A keyword of two or more characters also counts when it appears in the text itself, since
    Kiwi may split a compound (유통+기한) or attach a particle differently.
    """
    score = sum(weight for form, weight in morphs.items() if has_morph(features, form))
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
