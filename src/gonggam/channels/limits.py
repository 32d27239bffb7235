"""What each channel can carry: the one place the composer and the senders read limits from."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelLimit:
    """`max_chars` of text per message; a longer reply is sent in parts."""

    max_chars: int


# Channel label → its limit. KakaoTalk consultation (상담톡) messages carry 1,000 characters.
LIMITS: dict[str, ChannelLimit] = {
    "kakao": ChannelLimit(max_chars=1000),
}

# Where a long text is best cut: after a sentence, then after a line, then at a space.
_SENTENCE_END = re.compile(r"(?<=[.!?。…~])\s+|(?<=[다요죠까])\.?\s+")


def limit_for(channel: str) -> ChannelLimit | None:
    """The channel's limit, or None when it takes any length."""
    return LIMITS.get(channel)


def split_text(text: str, max_chars: int) -> list[str]:
    """Cut `text` into parts of at most `max_chars`, preferring sentence and word boundaries.

    Parts are whole sentences where possible, so each message still reads on its own.
    """
    text = text.strip()
    if len(text) <= max_chars:
        return [text]
    parts: list[str] = []
    rest = text
    while len(rest) > max_chars:
        window = rest[: max_chars + 1]
        cut = _best_cut(window, max_chars)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _best_cut(window: str, max_chars: int) -> int:
    floor = max_chars // 2  # never leave a uselessly short part
    for pattern in (_SENTENCE_END, re.compile(r"\n"), re.compile(r"\s")):
        cuts = [m.end() for m in pattern.finditer(window) if floor <= m.end() <= max_chars]
        if cuts:
            return cuts[-1]
    return max_chars
