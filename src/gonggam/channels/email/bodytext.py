"""Readable text from e-mail bodies: HTML to text, and the new part of a reply.

Triage and agents want what the customer wrote this time, not the whole quoted history under
it; the full body is kept beside the message (`EmailMessage.body_text`).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}
)
_SKIPPED = frozenset({"script", "style", "head", "title", "template", "svg", "noscript"})


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, text: str) -> None:
        if not self.skipping:
            self.parts.append(text)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML body, one line per block, scripts and styles left out."""
    parser = _TextOf()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # the stdlib parser gives up on some broken markup
        return html.unescape(re.sub(r"<[^>]*>", " ", markup)).strip()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# Lines that introduce quoted history in Korean and English mail clients.
_QUOTE_HEADERS = (
    re.compile(r"^\s*On .{5,200} wrote:\s*$"),  # Gmail, Apple Mail (English)
    # Gmail (Korean): "2026년 5월 3일 (금) 오후 2:10, 홍길동 <…>님이 작성:"
    re.compile(r"님이 작성:?\s*$"),
    re.compile(
        r"^\s*-{2,}\s*(Original Message|원본 메시지|원본 메일|Forwarded message|전달된 메시지)"
    ),
    re.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule above the quoted header block
)
_HEADER_BLOCK = re.compile(r"^\s*(From|보낸 사람|보낸사람)\s*:", re.IGNORECASE)
_HEADER_FOLLOW = re.compile(
    r"^\s*(Sent|Date|To|보낸 날짜|날짜|받는 사람|받는사람)\s*:", re.IGNORECASE
)


def new_part(text: str) -> str:
    """What a reply adds above its quoted history and signature; all of it if that is empty."""
    lines = text.splitlines()
    end = len(lines)
    for index, line in enumerate(lines):
        if any(pattern.search(line) for pattern in _QUOTE_HEADERS):
            end = index
            break
        following = lines[index + 1 : index + 4]
        if _HEADER_BLOCK.match(line) and any(_HEADER_FOLLOW.match(f) for f in following):
            end = index
            break
        if line.rstrip() == "--":  # the signature separator "-- "
            end = index
            break
    kept = lines[:end]
    while kept and (not kept[-1].strip() or kept[-1].lstrip().startswith(">")):
        kept.pop()
    trimmed = "\n".join(kept).strip()
    return trimmed or text.strip()
