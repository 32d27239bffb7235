"""Reading a Freshdesk JSON export:
`{"tickets": [... "conversations": [...]], "contacts": [...], "agents": [...]}`.

The ticket's description is the customer's first message; an incoming conversation is a
customer message, an outgoing one an agent's reply, a private one an internal note. Statuses:
2 open, 3 pending, 4 resolved and 5 closed → closed (imported history is finished business).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gonggam.channels.importers.records import (
    BadRow,
    Entry,
    EntryKind,
    ExportError,
    Ticket,
    author_or_fallback,
    parse_time,
    person,
)
from gonggam.conversations.models import Status

PROVIDER = "freshdesk"
STATUSES = {2: Status.open, 3: Status.pending, 4: Status.closed, 5: Status.closed}


def read(export: Any) -> Iterator[Ticket | BadRow]:
    """Tickets of the export in creation order; a ticket that cannot be read is a BadRow."""
    if not isinstance(export, dict) or not isinstance(export.get("tickets"), list):
        raise ExportError('a Freshdesk export is a JSON object with a "tickets" list')
    contacts = {c.get("id"): c for c in export.get("contacts", []) if isinstance(c, dict)}
    agents = {
        a.get("id"): {**(a.get("contact") or {}), "id": a.get("id")}
        for a in export.get("agents", [])
        if isinstance(a, dict)
    }
    tickets = list(export["tickets"])
    tickets.sort(key=lambda t: str(t.get("created_at", "")) if isinstance(t, dict) else "")
    for number, raw in enumerate(tickets, start=1):
        reference = (
            f"ticket {raw.get('id', f'#{number}')}" if isinstance(raw, dict) else f"row {number}"
        )
        try:
            yield _ticket(raw, contacts, agents)
        except (ValueError, TypeError, KeyError) as error:
            yield BadRow(reference, str(error))


def _ticket(
    raw: Any, contacts: dict[Any, dict[str, Any]], agents: dict[Any, dict[str, Any]]
) -> Ticket:
    if not isinstance(raw, dict) or raw.get("id") is None:
        raise ValueError("a ticket needs an id")
    contact = contacts.get(raw.get("requester_id"))
    if contact is None:
        raise ValueError(f"requester {raw.get('requester_id')!r} is not in the contacts list")
    requester = person(contact)
    if not (requester.email or requester.phone):
        raise ValueError("the requester has neither e-mail nor phone")
    status = STATUSES.get(raw.get("status", 2))
    if status is None:
        raise ValueError(f"unknown status {raw.get('status')!r}")
    description = str(raw.get("description_text") or "").strip()
    if not description:
        raise ValueError("the ticket has no description_text")
    entries = [
        Entry(
            entry_id="description",
            kind=EntryKind.customer,
            text=description,
            at=parse_time(raw.get("created_at"), "created_at"),
            author=requester,
        )
    ]
    for item in raw.get("conversations") or []:
        where = f"conversation {item.get('id')}"
        body = str(item.get("body_text") or "").strip()
        if item.get("id") is None or not body:
            raise ValueError(f"{where}: needs an id and a body_text")
        if item.get("incoming"):
            kind, author = EntryKind.customer, contacts.get(item.get("user_id"))
        else:
            kind = EntryKind.note if item.get("private") else EntryKind.reply
            author = agents.get(item.get("user_id"))
        entries.append(
            Entry(
                entry_id=str(item["id"]),
                kind=kind,
                text=body,
                at=parse_time(item.get("created_at"), where),
                author=author_or_fallback(kind, author, requester),
            )
        )
    entries.sort(key=lambda e: e.at)
    return Ticket(
        provider=PROVIDER,
        ticket_id=str(raw["id"]),
        subject=raw.get("subject"),
        status=status,
        requester=requester,
        entries=entries,
        updated_at=parse_time(raw["updated_at"], "updated_at") if raw.get("updated_at") else None,
        tags=[str(t) for t in raw.get("tags") or []],
    )
