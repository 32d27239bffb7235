"""Reading a Zendesk JSON export: `{"tickets": [... "comments": [...]], "users": [...]}`.

Each ticket's comments are in order; an end-user's comment is a customer message, an agent's
public comment a reply and a private one an internal note. Statuses: new/open → open,
pending/hold → pending, solved/closed → closed (imported history is finished business).
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

PROVIDER = "zendesk"
STATUSES = {
    "new": Status.open,
    "open": Status.open,
    "pending": Status.pending,
    "hold": Status.pending,
    "solved": Status.closed,
    "closed": Status.closed,
}


def read(export: Any) -> Iterator[Ticket | BadRow]:
    """Tickets of the export in creation order; a ticket that cannot be read is a BadRow."""
    if not isinstance(export, dict) or not isinstance(export.get("tickets"), list):
        raise ExportError('a Zendesk export is a JSON object with a "tickets" list')
    users = {u.get("id"): u for u in export.get("users", []) if isinstance(u, dict)}
    tickets = list(export["tickets"])
    tickets.sort(key=lambda t: str(t.get("created_at", "")) if isinstance(t, dict) else "")
    for number, raw in enumerate(tickets, start=1):
        reference = (
            f"ticket {raw.get('id', f'#{number}')}" if isinstance(raw, dict) else f"row {number}"
        )
        try:
            yield _ticket(raw, users)
        except (ValueError, TypeError, KeyError) as error:
            yield BadRow(reference, str(error))


def _ticket(raw: Any, users: dict[Any, dict[str, Any]]) -> Ticket:
    if not isinstance(raw, dict) or raw.get("id") is None:
        raise ValueError("a ticket needs an id")
    ticket_id = str(raw["id"])
    requester_record = users.get(raw.get("requester_id"))
    if requester_record is None:
        raise ValueError(f"requester {raw.get('requester_id')!r} is not in the users list")
    requester = person(requester_record)
    if not (requester.email or requester.phone):
        raise ValueError("the requester has neither e-mail nor phone")
    status = STATUSES.get(str(raw.get("status", "open")))
    if status is None:
        raise ValueError(f"unknown status {raw.get('status')!r}")
    entries = []
    for comment in raw.get("comments") or []:
        where = f"comment {comment.get('id')}"
        body = str(comment.get("plain_body") or comment.get("body") or "").strip()
        if comment.get("id") is None or not body:
            raise ValueError(f"{where}: needs an id and a body")
        author = users.get(comment.get("author_id"), {})
        is_agent = author.get("role") in ("agent", "admin")
        kind = (
            (EntryKind.reply if comment.get("public", True) else EntryKind.note)
            if is_agent
            else EntryKind.customer
        )
        entries.append(
            Entry(
                entry_id=str(comment["id"]),
                kind=kind,
                text=body,
                at=parse_time(comment.get("created_at"), where),
                author=author_or_fallback(kind, author, requester),
            )
        )
    if not entries:
        raise ValueError("the ticket has no comments")
    entries.sort(key=lambda e: e.at)
    return Ticket(
        provider=PROVIDER,
        ticket_id=ticket_id,
        subject=raw.get("subject"),
        status=status,
        requester=requester,
        entries=entries,
        updated_at=parse_time(raw["updated_at"], "updated_at") if raw.get("updated_at") else None,
        tags=[str(t) for t in raw.get("tags") or []],
    )
