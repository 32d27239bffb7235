"""A de-obfuscated copy of a message with a map back to the original characters.

Abusive customers write 시1발, 씨 발, 시.발, ㅅㅣㅂㅏㄹ, 씨바알, f*ck, f u c k. Matching lexicons
on a normalized copy catches these; the map turns a match back into offsets of the input text
so the agent's mask covers exactly what the customer typed.
"""

from __future__ import annotations

from dataclasses import dataclass

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_CHO_INDEX = {ch: i for i, ch in enumerate(_CHO)}
_JUNG_INDEX = {ch: i for i, ch in enumerate(_JUNG)}
_JONG_INDEX = {ch: i for i, ch in enumerate(_JONG) if ch != " "}
_SYLLABLE_BASE = 0xAC00
_IEUNG = _CHO_INDEX["ㅇ"]


def is_syllable(ch: str) -> bool:
    """True for a precomposed Hangul syllable (가-힣)."""
    return "가" <= ch <= "힣"


def is_jamo(ch: str) -> bool:
    """True for a Hangul compatibility jamo (ㄱ-ㅣ)."""
    return "ㄱ" <= ch <= "ㅣ"


def _is_letter(ch: str) -> bool:
    return is_syllable(ch) or is_jamo(ch) or ("a" <= ch <= "z")


def _decompose(ch: str) -> tuple[int, int, int]:
    code = ord(ch) - _SYLLABLE_BASE
    return code // 588, (code % 588) // 28, code % 28


def _compose(cho: int, jung: int, jong: int) -> str:
    return chr(_SYLLABLE_BASE + cho * 588 + jung * 28 + jong)


@dataclass(frozen=True)
class Normalized:
    """Normalized text; `starts[i]`/`ends[i]` give the input span of normalized character i."""

    text: str
    starts: list[int]
    ends: list[int]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) range back to the input text."""
        return self.starts[start], self.ends[end - 1]


def _compose_jamo(chars: list[str], starts: list[int], ends: list[int]) -> None:
    """Compose runs like ㅅㅣㅂㅏㄹ into 시발 in place (consonant + vowel [+ final])."""
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch in _CHO_INDEX and i + 1 < n and chars[i + 1] in _JUNG_INDEX:
            jong = 0
            end_index = i + 1
            nxt = chars[i + 2] if i + 2 < n else ""
            after = chars[i + 3] if i + 3 < n else ""
            if nxt in _JONG_INDEX and after not in _JUNG_INDEX:
                jong = _JONG_INDEX[nxt]
                end_index = i + 2
            out_c.append(_compose(_CHO_INDEX[ch], _JUNG_INDEX[chars[i + 1]], jong))
            out_s.append(starts[i])
            out_e.append(ends[end_index])
            i = end_index + 1
            continue
        out_c.append(ch)
        out_s.append(starts[i])
        out_e.append(ends[i])
        i += 1
    chars[:], starts[:], ends[:] = out_c, out_s, out_e


def _merge_elongation(chars: list[str], starts: list[int], ends: list[int]) -> None:
    """Fold stretched syllables: 씨바알 → 씨발, 시이발 → 시발 (ㅇ + the same vowel)."""
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for ch, start, end in zip(chars, starts, ends, strict=True):
        if out_c and is_syllable(ch) and is_syllable(out_c[-1]):
            cho, jung, jong = _decompose(ch)
            p_cho, p_jung, p_jong = _decompose(out_c[-1])
            if cho == _IEUNG and jung == p_jung and p_jong == 0 and out_e[-1] == start:
                out_c[-1] = _compose(p_cho, p_jung, jong)
                out_e[-1] = end
                continue
        out_c.append(ch)
        out_s.append(start)
        out_e.append(end)
    chars[:], starts[:], ends[:] = out_c, out_s, out_e


def normalize(text: str) -> Normalized:
    """Lower-case, drop symbols and digits inside words, compose jamo, join spaced single letters.

    Words keep one space between them, except that runs of one-letter words ("씨 발", "f u c k",
    "ㅅ ㅂ") are joined, because nobody writes ordinary words one syllable at a time.
    """
    words: list[tuple[list[str], list[int], list[int]]] = []
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, raw in enumerate(text):
        ch = raw.lower() if raw.isascii() else raw
        if ch.isspace():
            if chars:
                words.append((chars, starts, ends))
                chars, starts, ends = [], [], []
            continue
        if _is_letter(ch):
            chars.append(ch)
            starts.append(index)
            ends.append(index + 1)
        # Anything else (digits, punctuation, emoji) is dropped: 시1발 and 시.발 become 시발.
    if chars:
        words.append((chars, starts, ends))

    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    previous_single = False
    for w_chars, w_starts, w_ends in words:
        single = len(w_chars) == 1
        if out_c and not (single and previous_single):
            out_c.append(" ")
            out_s.append(out_e[-1])
            out_e.append(w_starts[0])
        out_c += w_chars
        out_s += w_starts
        out_e += w_ends
        previous_single = single
    _compose_jamo(out_c, out_s, out_e)
    _merge_elongation(out_c, out_s, out_e)
    return Normalized("".join(out_c), out_s, out_e)
