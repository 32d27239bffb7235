"""What an agent sees of an abusive message: the abusive words replaced by a labelled chip."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gonggam.conversations.schemas import MessageOut, TimelineEntry

Segment = tuple[str, str]  # ("text", words) or ("abuse", kind)


def shield(text: str, spans: Iterable[Sequence[Any]]) -> list[Segment]:
    """`text` cut into plain parts and masked abuse spans (overlapping spans are merged)."""
    ordered = sorted((int(s[0]), int(s[1]), str(s[2])) for s in spans if int(s[1]) > int(s[0]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, kind in ordered:
        start = max(start, cursor)
        if start >= end:
            continue
        if start > cursor:
            segments.append(("text", text[cursor:start]))
        segments.append(("abuse", kind))
        cursor = end
    if cursor < len(text):
        segments.append(("text", text[cursor:]))
    return segments


def shielded(message: MessageOut) -> list[Segment] | None:
    """Segments for a customer message with abuse spans; None when nothing needs masking.

    The shown text is PII-masked with the same length as the original, so the analysis's
    character offsets still point at the abusive words.
    """
    spans = (message.triage or {}).get("abuse_spans") or []
    if message.direction != "in" or not spans:
        return None
    return shield(message.text, spans)


def shielded_timeline(
    timeline: list[TimelineEntry], *, show_abuse: bool
) -> dict[int, list[Segment]]:
    """Message id → masked segments for every abusive message (none if the agent opted out)."""
    if show_abuse:
        return {}
    found: dict[int, list[Segment]] = {}
    for entry in timeline:
        if entry.message is not None:
            segments = shielded(entry.message)
            if segments is not None:
                found[entry.message.id] = segments
    return found
