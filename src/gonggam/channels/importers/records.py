"""The shape every export is read into before it is written: tickets with dated entries."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from gonggam.conversations.models import Status
from gonggam.customers.service import CustomerRef


class EntryKind(enum.StrEnum):
    customer = "customer"  # the customer's message: goes through the ingest pipeline
    reply = "reply"  # an agent's public answer
    note = "note"  # an agent's internal note


@dataclass(frozen=True)
class Entry:
    entry_id: str
    kind: EntryKind
    text: str
    at: datetime
    author: CustomerRef  # the customer for customer entries, the agent otherwise


@dataclass(frozen=True)
class Ticket:
    provider: str  # "zendesk" / "freshdesk": the message channel label and provider-id prefix
    ticket_id: str
    subject: str | None
    status: Status
    requester: CustomerRef
    entries: list[Entry]
    updated_at: datetime | None = None
    tags: list[str] = field(default_factory=list)

    def provider_id(self, entry: Entry) -> str:
        """ "zendesk:<ticket>:<comment>": stable across re-imports, unique per provider."""
        return f"{self.provider}:{self.ticket_id}:{entry.entry_id}"


@dataclass(frozen=True)
class BadRow:
    """A ticket that cannot be imported, and why (reported, never fatal)."""

    reference: str
    reason: str


class ExportError(ValueError):
    """The file is not an export of the expected kind at all."""


def parse_time(value: object, where: str) -> datetime:
    """An export's ISO-8601 timestamp, which must carry its zone."""
    if not isinstance(value, str):
        raise ValueError(f"{where}: missing timestamp")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(f"{where}: bad timestamp {value!r}") from error
    if parsed.tzinfo is None:
        raise ValueError(f"{where}: timestamp {value!r} has no time zone")
    return parsed


def person(record: dict[str, object]) -> CustomerRef:
    """A customer or agent record of an export as a CustomerRef."""

    def text(key: str) -> str | None:
        value = record.get(key)
        return str(value).strip() or None if value not in (None, "") else None

    return CustomerRef(
        name=text("name"), email=text("email"), phone=text("phone") or text("mobile")
    )


def row_reference(raw: object, number: int) -> str:
    """How a summary names a row: its ticket id, or its place in the file."""
    if isinstance(raw, dict) and raw.get("id") is not None:
        return f"ticket {raw['id']}"
    return f"row {number}"


def author_or_fallback(
    kind: EntryKind, author: dict[str, object] | None, requester: CustomerRef
) -> CustomerRef:
    """Who wrote an entry; when the export does not name them, the customer for a customer
    entry, else an unnamed agent."""
    if author:
        return person(author)
    return requester if kind is EntryKind.customer else CustomerRef()
