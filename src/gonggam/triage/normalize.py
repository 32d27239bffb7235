"""A de-obfuscated copy of a message with a map back to the original characters.

Abusive customers write 시1발, 씨 발, 시.발, ㅅㅣㅂㅏㄹ, 씨바알, f*ck, f u c k. Matching lexicons
on a normalized copy catches these; the map turns a match back into offsets of the input text
so the agent's mask covers exactly what the customer typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_CHO_INDEX = {ch: i for i, ch in enumerate(_CHO)}
_JUNG_INDEX = {ch: i for i, ch in enumerate(_JUNG)}
_JONG_INDEX = {ch: i for i, ch in enumerate(_JONG) if ch != " "}
_SYLLABLE_BASE = 0xAC00
# ASCII upper case and full-width Latin (ｓｈｉｔ) to lower-case ASCII, one character for one.
_ASCII_LOWER = {
    **{ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{code: ord(chr(code - 0xFEE0).lower()) for code in range(0xFF21, 0xFF3B)},
    **{code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)},
}
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[가-힣ㄱ-ㅣa-z]+")
_JAMO_PAIR = re.compile(r"[ㄱ-ㅎ]\s*[ㅏ-ㅣ]")
# An ㅇ-initial syllable (아…잏) right after another syllable: a candidate stretched vowel.
_FOLDABLE = re.compile(r"(?<=[가-힣])[아-잏]")


def is_syllable(ch: str) -> bool:
    """True for a precomposed Hangul syllable (가-힣)."""
    return "가" <= ch <= "힣"


def is_jamo(ch: str) -> bool:
    """True for a Hangul compatibility jamo (ㄱ-ㅣ)."""
    return "ㄱ" <= ch <= "ㅣ"


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
    """Fold stretched syllables: 씨바알 → 씨발, 시이발 → 시발 (ㅇ + the same vowel).

    Only ㅇ-initial syllables right after another syllable can fold, so those positions are
    found with one regex search instead of decomposing every syllable.
    """
    joined = "".join(chars)
    folded: set[int] = set()
    for match in _FOLDABLE.finditer(joined):
        index = match.start()
        previous = index - 1
        while previous in folded:
            previous -= 1
        p_cho, p_jung, p_jong = _decompose(chars[previous])
        _cho, jung, jong = _decompose(chars[index])
        if jung == p_jung and p_jong == 0 and ends[previous] == starts[index]:
            chars[previous] = _compose(p_cho, p_jung, jong)
            ends[previous] = ends[index]
            folded.add(index)
    if folded:
        keep = [i for i in range(len(chars)) if i not in folded]
        chars[:] = [chars[i] for i in keep]
        starts[:] = [starts[i] for i in keep]
        ends[:] = [ends[i] for i in keep]


def normalize(text: str) -> Normalized:
    """Lower-case, drop symbols and digits inside words, compose jamo, join spaced single letters.

    Words keep one space between them, except that runs of one-letter words ("씨 발", "f u c k",
    "ㅅ ㅂ") are joined, because nobody writes ordinary words one syllable at a time.
    Anything that is not a letter (digits, punctuation, emoji) is dropped: 시1발 → 시발.
    """
    lowered = text.translate(_ASCII_LOWER)  # same length, unlike str.lower() on some scripts
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    previous_single = False
    for word in _WORD.finditer(lowered):
        w_chars: list[str] = []
        w_starts: list[int] = []
        for run in _LETTERS.finditer(lowered, word.start(), word.end()):
            w_chars += run.group()
            w_starts += range(run.start(), run.end())
        if not w_chars:
            continue
        single = len(w_chars) == 1
        if out_c and not (single and previous_single):
            out_c.append(" ")
            out_s.append(out_e[-1])
            out_e.append(w_starts[0])
        out_c += w_chars
        out_s += w_starts
        out_e += [start + 1 for start in w_starts]
        previous_single = single
    if _JAMO_PAIR.search(lowered):
        _compose_jamo(out_c, out_s, out_e)
    _merge_elongation(out_c, out_s, out_e)
    return Normalized("".join(out_c), out_s, out_e)
