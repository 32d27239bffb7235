"""Regex helpers shared by the rules.

Cue patterns are written with plain spaces; a space means "optional whitespace" because
customers and agents space Korean inconsistently (불편드려 / 불편 드려).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# A sentence: text up to and including its closing marks (or a line break).
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
HANGUL = re.compile(r"[가-힣]")
LATIN = re.compile(r"[A-Za-z]")
# Escapes (\b, \s, \d, \w …) and character classes are not literal letters of an alternative.
_NOT_LITERAL = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|\(\?[<!=:]+")


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a cue pattern: case-insensitive, spaces are optional whitespace."""
    return re.compile(pattern.replace(" ", r"\s*"), re.IGNORECASE)


def matches_outside(
    pattern: re.Pattern[str], text: str, outside: Iterable[tuple[int, int]] = ()
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text` that start inside none of the `outside` spans."""
    blocked = list(outside)
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in blocked):
            yield match


def sentence_around(text: str, position: int, limit: int = 80) -> str:
    """Return the sentence of `text` containing `position`, trimmed to `limit` characters."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in ".!?\n") if i != -1]
    end = min(ends) + 1 if ends else len(text)
    sentence = text[start:end].strip()
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def for_text(pattern: re.Pattern[str], text: str) -> re.Pattern[str]:
    """`pattern`, or its Korean half when `text` has no Latin letter at all.

    Cue patterns mix Korean and English alternatives, and Python's `re` tries every
    alternative at every position; a Korean reply without a Latin letter cannot match an
    alternative that spells English words only, so those are left out. The matches are the
    same; on a 2,000-character reply the largest cues run in about half the time.
    """
    if LATIN.search(text):
        return pattern
    return _korean_half(pattern)


@lru_cache(maxsize=256)
def _korean_half(pattern: re.Pattern[str]) -> re.Pattern[str]:
    # An alternative is left out only when it spells English and no Hangul at all.
    kept = [
        part
        for part in _top_level_alternatives(pattern.pattern)
        if HANGUL.search(part) or not LATIN.search(_NOT_LITERAL.sub("", part))
    ]
    return re.compile("|".join(kept) or "(?!)", pattern.flags)


def _top_level_alternatives(source: str) -> list[str]:
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    return parts
