"""Reading one MIME message (stdlib `email`, policy=default) into what the desk stores.

Parsing never trusts the message: headers may be broken, charsets wrong, parts nested oddly.
What cannot be read at all raises `UnreadableEmail` (the receiver answers 554); everything else
is read as well as it can be.
"""

from __future__ import annotations

import email
import email.errors
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from gonggam.channels.email.bodytext import html_to_text, new_part
from gonggam.channels.email.charsets import decode_bytes, repair_header
from gonggam.customers.identity import InvalidIdentity, normalize_email
from gonggam.kit.html import sanitize_html

# Longer ids do not fit `messages.provider_message_id`; such mail is recognised by its bytes.
_MESSAGE_ID = re.compile(r"<[^<>\s]{1,198}>")


class UnreadableEmail(ValueError):
    """The bytes are not an e-mail we can take (no sender, no content)."""


@dataclass(frozen=True)
class Part:
    """An attachment as found in the message, before it is stored."""

    filename: str | None
    content_type: str
    payload: bytes


@dataclass
class ParsedEmail:
    sender: str  # bare lower-cased address
    sender_name: str | None
    subject: str | None
    message_id: str | None
    in_reply_to: list[str]
    references: list[str]
    text: str  # the new part, for the message row and triage
    full_text: str
    html: str | None  # sanitized
    to_address: str | None
    attachments: list[Part] = field(default_factory=list)
    mail: EmailMessage | None = None


def header(mail: EmailMessage, name: str) -> str | None:
    """A header as readable text (RFC 2047 and raw 8-bit Korean handled), or None."""
    try:
        value = mail.get(name)
    except (email.errors.HeaderParseError, ValueError, IndexError):
        value = None
    if value is None:
        raw = next((v for k, v in mail.raw_items() if k.lower() == name.lower()), None)
        if raw is None:
            return None
        value = raw
    text = repair_header(str(value))
    return text or None


def message_ids(value: str | None) -> list[str]:
    """The Message-IDs in a References / In-Reply-To value, in order."""
    return _MESSAGE_ID.findall(value or "")


def parse(raw: bytes) -> ParsedEmail:
    """Read `raw` (the DATA of an SMTP transaction, or a fetched message)."""
    mail = email.message_from_bytes(raw, policy=policy.default)
    if not isinstance(mail, EmailMessage) or not mail.keys():
        raise UnreadableEmail("no message headers found")
    from_value = header(mail, "From") or header(mail, "Sender") or ""
    name, address = parseaddr(from_value)
    address = address.strip().lower()
    if "@" not in address:
        raise UnreadableEmail("the message has no sender address in From")
    try:
        address = normalize_email(address)
    except InvalidIdentity as error:
        raise UnreadableEmail(f"the sender address is not valid: {address[:80]!r}") from error
    to_pairs = getaddresses([header(mail, "To") or ""])
    to_address = next((a.lower() for _, a in to_pairs if "@" in a), None)

    plain_part, html_part = _bodies(mail)
    plain = _text_of(plain_part) if plain_part is not None else None
    html_raw = _text_of(html_part) if html_part is not None else None
    full_text = plain if plain and plain.strip() else html_to_text(html_raw or "")
    full_text = full_text.replace("\r\n", "\n").strip()
    ids = message_ids(header(mail, "Message-ID"))
    return ParsedEmail(
        sender=address,
        sender_name=name.strip()[:200] or None,
        subject=(header(mail, "Subject") or "")[:300] or None,
        message_id=ids[0] if ids else None,
        in_reply_to=message_ids(header(mail, "In-Reply-To")),
        references=message_ids(header(mail, "References")),
        text=new_part(full_text),
        full_text=full_text,
        html=sanitize_html(html_raw) if html_raw else None,
        to_address=to_address,
        attachments=list(_attachments(mail, skip={id(plain_part), id(html_part)})),
        mail=mail,
    )


def _leaves(part: EmailMessage) -> Iterator[EmailMessage]:
    """Leaf parts in order; a forwarded message (message/rfc822) counts as one leaf."""
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        for child in part.iter_parts():
            if isinstance(child, EmailMessage):
                yield from _leaves(child)
    else:
        yield part


def _is_attachment(part: EmailMessage) -> bool:
    return part.get_content_disposition() == "attachment" or bool(part.get_filename())


def _bodies(mail: EmailMessage) -> tuple[EmailMessage | None, EmailMessage | None]:
    """The first plain and HTML parts that are not attachments."""
    plain: EmailMessage | None = None
    rich: EmailMessage | None = None
    for leaf in _leaves(mail):
        if _is_attachment(leaf) or leaf.get_content_maintype() != "text":
            continue
        subtype = leaf.get_content_subtype()
        if subtype == "plain" and plain is None:
            plain = leaf
        elif subtype == "html" and rich is None:
            rich = leaf
    return plain, rich


def _text_of(part: EmailMessage) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return decode_bytes(payload, part.get_content_charset())


def _attachments(mail: EmailMessage, *, skip: set[int]) -> Iterator[Part]:
    for leaf in _leaves(mail):
        if id(leaf) in skip:
            continue
        if leaf.get_content_maintype() == "text" and not _is_attachment(leaf):
            continue  # a second text body part: already represented by the chosen bodies
        if leaf.get_content_type() == "message/rfc822":
            inner = leaf.get_payload()
            inner_message = inner[0] if isinstance(inner, list) and inner else None
            payload = (
                inner_message.as_bytes()
                if isinstance(inner_message, email.message.Message)
                else b""
            )
            yield Part(_filename(leaf) or "forwarded.eml", "message/rfc822", payload)
            continue
        body = leaf.get_payload(decode=True)
        yield Part(
            _filename(leaf),
            leaf.get_content_type(),
            body if isinstance(body, bytes) else b"",
        )


def _filename(part: EmailMessage) -> str | None:
    try:
        name = part.get_filename()
    except (email.errors.HeaderParseError, ValueError, IndexError):
        return None
    return repair_header(name)[:255] if name else None
