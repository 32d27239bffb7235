"""Abusive language (SPEC 2.5): profanity, insults, threats and sexual harassment.

Lexicon patterns run on a de-obfuscated copy of the message (`normalize`) and every hit is
mapped back to character offsets of the input, so masking covers what the customer typed.
Legal action (고소, 신고, 소비자원, "I'll sue") is a customer's right and never abuse.
"""

from __future__ import annotations

import re

from gonggam.triage.features import bounded
from gonggam.triage.lexicon.abuse import PATTERNS, SAFE
from gonggam.triage.normalize import normalize

AbuseSpan = tuple[int, int, str]
ABUSE_KINDS: tuple[str, ...] = ("profanity", "insult", "threat", "sexual")

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(bounded(pattern))) for kind, pattern in PATTERNS
)
_SAFE = re.compile("|".join(f"(?:{pattern})" for pattern in SAFE))
# "18" reads as 씨발 only right before a person noun: 18놈, 18새끼 (never 18일, 18개, 18년도).
_EIGHTEEN = re.compile(r"(?<!\d)18\s?(놈|넘|새끼|새기|색기|년아|년들)")
# Self-censored swearing (씨X, 씨*, 병X) is still swearing at the agent; the censor mark would
# vanish in normalization, so these are matched on the raw text.
_CENSORED = (
    (re.compile(r"(?<![가-힣])(씨|씌|쒸|ㅆ|시)\s?[*xX×]{1,3}(?![A-Za-z])"), "profanity"),
    (re.compile(r"(?<![가-힣])(병|븅)\s?[*xX×]{1,3}(?![A-Za-z])"), "insult"),
)
_MASK_CHAR = "*"


def find_abuse(text: str) -> list[AbuseSpan]:
    """Return `[start, end, kind]` spans of abusive language in `text`, sorted by start."""
    if not text:
        return []
    norm = normalize(text)
    safe_ranges = [(m.start(), m.end()) for m in _SAFE.finditer(norm.text)]
    spans: list[AbuseSpan] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(norm.text):
            if match.end() == match.start():
                continue
            if any(s <= match.start() and match.end() <= e for s, e in safe_ranges):
                continue
            start, end = norm.source_span(match.start(), match.end())
            spans.append((start, end, kind))
    spans += [(m.start(), m.end(), "profanity") for m in _EIGHTEEN.finditer(text)]
    for pattern, kind in _CENSORED:
        spans += [(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    return _merge(spans)


def _merge(spans: list[AbuseSpan]) -> list[AbuseSpan]:
    """Merge overlapping spans; the more serious kind names the merged span."""
    severity = {"threat": 0, "sexual": 1, "insult": 2, "profanity": 3}
    merged: list[AbuseSpan] = []
    for start, end, kind in sorted(spans):
        if merged and start < merged[-1][1]:
            p_start, p_end, p_kind = merged[-1]
            best = p_kind if severity[p_kind] <= severity[kind] else kind
            merged[-1] = (p_start, max(p_end, end), best)
        else:
            merged.append((start, end, kind))
    return merged


def mask_abuse(text: str, spans: list[AbuseSpan] | list[list[object]] | None = None) -> str:
    """Return what an agent sees by default: each abusive span replaced by `*` (same length).

    `spans` are the `abuse_spans` of an analysis (tuples or JSON lists); when omitted they are
    detected here. Spaces inside a span are kept so the message keeps its shape.
    """
    found = find_abuse(text) if spans is None else spans
    if not found:
        return text
    chars = list(text)
    for span in found:
        start, end = int(str(span[0])), int(str(span[1]))
        for index in range(max(0, start), min(len(chars), end)):
            if not chars[index].isspace():
                chars[index] = _MASK_CHAR
    return "".join(chars)
