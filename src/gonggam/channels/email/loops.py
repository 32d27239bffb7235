"""Recognising mail that no machine should answer: auto-replies, bounces and bulk mail.

Answering an autoresponder with an acknowledgement makes two machines write to each other
forever. Such mail is stored and marked, never answered automatically (RFC 3834).
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import parseaddr

AUTO = "auto"
BULK = "bulk"

_AUTORESPONDER_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Autoresponse")
_DAEMON_LOCALPARTS = frozenset({"mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"})


def automatic_kind(
    mail: EmailMessage, *, sender: str | None, envelope_sender: str | None, own_addresses: set[str]
) -> str | None:
    """AUTO, BULK, or None for mail a person wrote."""
    auto_submitted = str(mail.get("Auto-Submitted", "") or "").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return AUTO
    if any(mail.get(name) is not None for name in _AUTORESPONDER_HEADERS):
        return AUTO
    if str(mail.get("X-Auto-Response-Suppress", "") or "").strip().lower() in {"all", "oof"}:
        return AUTO
    # A null envelope sender ("MAIL FROM:<>") is how bounces and auto-replies are sent.
    if envelope_sender is not None and envelope_sender.strip("<>") == "":
        return AUTO
    address = (sender or "").lower()
    if address in own_addresses:
        return AUTO
    if address.split("@", 1)[0] in _DAEMON_LOCALPARTS:
        return AUTO
    precedence = str(mail.get("Precedence", "") or "").strip().lower()
    if precedence in {"bulk", "list", "junk"}:
        return BULK
    if mail.get("List-Id") is not None or mail.get("List-Unsubscribe") is not None:
        return BULK
    return None


def address_of(value: str) -> str | None:
    """The bare, lower-cased address in a From-style value, or None when there is none."""
    address = parseaddr(value)[1].strip().lower()
    return address if "@" in address else None
