"""Regex helpers shared by the rules.

Cue patterns are written with plain spaces; a space means "optional whitespace" because
customers and agents space Korean inconsistently (불편드려 / 불편 드려).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a cue pattern: case-insensitive, spaces are optional whitespace."""
    return re.compile(pattern.replace(" ", r"\s*"), re.IGNORECASE)


def first_match(
    pattern: re.Pattern[str], text: str, *, outside: Iterable[tuple[int, int]] = ()
) -> re.Match[str] | None:
    """Return the first match of `pattern` in `text` not inside one of the `outside` spans."""
    blocked = list(outside)
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in blocked):
            return match
    return None


def sentence_around(text: str, position: int, limit: int = 80) -> str:
    """Return the sentence of `text` containing `position`, trimmed to `limit` characters."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in ".!?\n") if i != -1]
    end = min(ends) + 1 if ends else len(text)
    sentence = text[start:end].strip()
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
