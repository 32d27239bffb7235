"""Boilerplate apology and deflection phrases, matched on morphemes rather than strings.

Each lexicon phrase is reduced to its meaning-bearing units (Kiwi morphemes for Korean,
crude stems for English; particles, endings, intensifiers and auxiliaries dropped, 송구/미안
folded into 죄송, apologize/regret into sorry). A reply matches when those units appear in
order with at most `MAX_GAP` other units between neighbours, so "불편을 드려서 정말
죄송합니다", "불편드려 죄송해요" and "불편을끼쳐드려 대단히 송구합니다" all match "불편을 드려
죄송합니다". Spans are widened to whole words of the original reply. Admins add phrases
(`extra_cliches`); they go through the same reduction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from gonggam.coach.text import AnalyzedText, Unit, analyze

MAX_GAP = 2

KOREAN_CLICHES: tuple[str, ...] = (
    "불편을 드려 죄송합니다",
    "문제에 대해 사과드립니다",
    "다시 한번 사과드립니다",
    "다시 한번 죄송합니다",
    "저희 팀에서 조사 중입니다",
    "현재 확인 중입니다",
    "확인 후 안내해 드리겠습니다",
    "확인 후 연락드리겠습니다",
    "양해 부탁드립니다",
    "너른 양해 바랍니다",
    "소중한 의견 감사합니다",
    "문의해 주셔서 감사합니다",
    "이용해 주셔서 감사합니다",
    "최선을 다하겠습니다",
    "더 나은 서비스를 제공하기 위해 노력하겠습니다",
    "빠른 시일 내에 처리해 드리겠습니다",
    "빠른 시일 내에 안내해 드리겠습니다",
    "빠른 시일 내에",
    "관련 부서에 전달하겠습니다",
    "담당 부서에서 검토 후 연락드리겠습니다",
    "번거롭게 해 드려 죄송합니다",
    "심려를 끼쳐 드려 죄송합니다",
    "물량 증가로 배송이 지연되고 있습니다",
    "주문 폭주로 배송이 지연되고 있습니다",
    "문의가 많아 답변이 늦어지고 있습니다",
    "더 좋은 서비스로 보답하겠습니다",
    "더 나은 서비스로 보답하겠습니다",
    "자주 묻는 질문을 참고해 주시기 바랍니다",
    "순차적으로 처리해 드리겠습니다",
    "관련 부서에서 확인 중에 있습니다",
    "추후 공지사항을 통해 안내드리겠습니다",
)
ENGLISH_CLICHES: tuple[str, ...] = (
    "we apologize for any inconvenience",
    "sorry for the trouble",
    "we are looking into it",
    "we are looking into this",
    "we are looking into the matter",
    "your call is important to us",
    "we value your feedback",
    "thank you for reaching out",
    "thank you for your patience and understanding",
    "we appreciate your understanding",
    "we are investigating the issue",
    "our team is working on it",
    "we will get back to you shortly",
    "please bear with us",
    "we strive to provide the best service",
    "rest assured",
    "we understand your frustration",
    "thank you for bringing this to our attention",
    "we are aware of the issue",
    "thank you for your feedback",
    "we take all feedback seriously",
    "we hope to serve you better next time",
    "please do not hesitate to contact us",
    "we appreciate your cooperation",
    "we regret any inconvenience",
    "we are sorry to hear about your experience",
)
DEFAULT_CLICHES: tuple[str, ...] = KOREAN_CLICHES + ENGLISH_CLICHES
_WORD_END = re.compile(r"[\s.,!?~…)\]\"'”’]")
_WORD_START = re.compile(r"[\s(\[\"'“‘]")


@dataclass(frozen=True)
class ClichePattern:
    """A lexicon phrase reduced to the unit keys it is matched on."""

    phrase: str
    keys: tuple[str, ...]


@lru_cache(maxsize=4096)
def compile_phrase(phrase: str) -> ClichePattern:
    """Reduce a lexicon phrase to its unit keys (cached: the lexicon is small and static)."""
    keys = tuple(_dedupe([unit.key for unit in analyze(phrase).units]))
    return ClichePattern(phrase, keys)


def _dedupe(keys: list[str]) -> list[str]:
    # "끼쳐 드려" and "드려" reduce alike only if repeated units collapse.
    out: list[str] = []
    for key in keys:
        if not out or out[-1] != key:
            out.append(key)
    return out


def find_cliches(reply: AnalyzedText, extra: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """Return `[start, end, lexicon phrase]` for every boilerplate phrase in the reply."""
    phrases = list(DEFAULT_CLICHES) + [p.strip() for p in extra if p.strip()]
    units = reply.units
    positions: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        positions.setdefault(unit.key, []).append(index)
    found: list[tuple[int, int, str]] = []
    for phrase in dict.fromkeys(phrases):
        pattern = compile_phrase(phrase)
        if not pattern.keys:
            continue
        for first in positions.get(pattern.keys[0], ()):
            last = _match_from(units, first, pattern.keys)
            if last is None:
                continue
            start, end = _widen(reply.text, units[first].start, units[last].end)
            if not any(s <= start < e or start <= s < end for s, e, _ in found):
                found.append((start, end, phrase))
            break
    return sorted(found)


def _match_from(units: tuple[Unit, ...], first: int, keys: tuple[str, ...]) -> int | None:
    """Return the index of the last unit when `keys` match in order from `first`."""
    current = first
    for key in keys[1:]:
        limit = min(len(units), current + MAX_GAP + 2)
        for index in range(current + 1, limit):
            if units[index].key == key:
                current = index
                break
        else:
            return None
    return current


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words (a Korean word ends after its endings: 죄송합니다)."""
    while start > 0 and not _WORD_START.match(text[start - 1]):
        start -= 1
    while end < len(text) and not _WORD_END.match(text[end]):
        end += 1
    return start, end
