"""Which language a message is written in: Korean or English (the dominant one)."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """Return "ko" or "en" for `text` by comparing Hangul and Latin letters.

    A Hangul syllable carries about as much as two or three Latin letters, so Korean wins
    unless Latin letters outnumber Hangul characters more than two to one; English product
    names in a Korean sentence stay Korean. Text with neither (digits, emoji) counts as Korean,
    the desk's first language.
    """
    hangul = latin = 0
    for ch in text:
        if "가" <= ch <= "힣" or "ㄱ" <= ch <= "ㅣ":
            hangul += 1
        elif ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
            latin += 1
    if latin > 2 * hangul:
        return "en"
    return "ko"
