"""IMAP polling: new mail in a mailbox is fetched by UID and taken like mail from the receiver.

The cursor (UIDVALIDITY and the last UID taken) lives in the database, so any worker can poll
and a restart continues where the last pass stopped. It advances after each stored message; a
crash between storing and advancing re-reads one message, which the pipeline recognises by its
Message-ID. A changed UIDVALIDITY means the server renumbered the mailbox: we read it again
from the start and the same recognition keeps anything from being stored twice.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.email.inbound import receive
from gonggam.channels.email.models import ImapCursor
from gonggam.channels.email.parse import UnreadableEmail
from gonggam.config import Settings, get_settings

log = logging.getLogger(__name__)

BATCH = 50
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")


class MailboxUnavailable(RuntimeError):
    """The IMAP server refused a step (login, select, search, fetch)."""


def imap_pass(factory: sessionmaker[Session]) -> int:
    """The background pass: poll the configured mailbox, if any."""
    settings = get_settings()
    if not settings.imap_host:
        return 0
    return poll_mailbox(factory, settings)


def poll_mailbox(factory: sessionmaker[Session], settings: Settings) -> int:
    """Fetch and store mail newer than the cursor; returns how many messages were new."""
    host = settings.imap_host or ""
    mailbox_key = f"{settings.imap_user}@{host}:{settings.imap_port}/{settings.imap_mailbox}"
    client: imaplib.IMAP4 = (
        imaplib.IMAP4_SSL(host, settings.imap_port, timeout=30)
        if settings.imap_ssl
        else imaplib.IMAP4(host, settings.imap_port, timeout=30)
    )
    try:
        _check(client.login(settings.imap_user or "", settings.imap_password or ""), "login")
        _check(client.select(_quoted(settings.imap_mailbox), readonly=True), "select")
        uidvalidity = _uidvalidity(client, settings.imap_mailbox)
        last_uid = _cursor(factory, mailbox_key, uidvalidity)
        new = 0
        for uid in _uids_after(client, last_uid)[:BATCH]:
            raw = _fetch(client, uid)
            try:
                received = receive(factory, raw, settings=settings) if raw else None
                new += int(received is not None and not received.result.duplicate)
            except UnreadableEmail as error:
                # It will never become readable; note it and move on rather than stall.
                log.warning("IMAP %s UID %s skipped: %s", mailbox_key, uid, error)
            _advance(factory, mailbox_key, uid)
        return new
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.logout()


def _check(answer: tuple[str, Sequence[object]], step: str) -> list[object]:
    status, lines = answer
    if status != "OK":
        raise MailboxUnavailable(f"IMAP {step} failed: {lines!r}")
    return list(lines)


def _quoted(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _uidvalidity(client: imaplib.IMAP4, mailbox: str) -> int:
    _, values = client.response("UIDVALIDITY")
    for value in values:
        if isinstance(value, bytes) and value.isdigit():
            return int(value)
    _, status = client.status(_quoted(mailbox), "(UIDVALIDITY)")
    match = _UIDVALIDITY.search(b" ".join(v for v in status if isinstance(v, bytes)))
    if match is None:
        raise MailboxUnavailable("IMAP server did not say the mailbox's UIDVALIDITY")
    return int(match.group(1))


def _uids_after(client: imaplib.IMAP4, last_uid: int) -> list[int]:
    lines = _check(client.uid("SEARCH", f"UID {last_uid + 1}:*"), "search")
    found = b" ".join(line for line in lines if isinstance(line, bytes)).split()
    # "n:*" always includes the highest UID, even when it is below n.
    return sorted(uid for uid in (int(u) for u in found) if uid > last_uid)


def _fetch(client: imaplib.IMAP4, uid: int) -> bytes:
    # BODY.PEEK leaves the \Seen flag alone: people reading the mailbox still see it as new.
    lines = _check(client.uid("FETCH", str(uid), "(BODY.PEEK[])"), "fetch")
    for line in lines:
        if isinstance(line, tuple) and len(line) == 2 and isinstance(line[1], bytes):
            return line[1]
    return b""


def _cursor(factory: sessionmaker[Session], mailbox_key: str, uidvalidity: int) -> int:
    """The last UID taken; reset to 0 when the mailbox's UIDVALIDITY changed."""
    with factory() as session:
        cursor = session.scalar(select(ImapCursor).where(ImapCursor.mailbox == mailbox_key))
        if cursor is None:
            session.add(ImapCursor(mailbox=mailbox_key, uidvalidity=uidvalidity, last_uid=0))
            try:
                session.commit()
            except IntegrityError:  # another worker created it first
                session.rollback()
            return 0
        if cursor.uidvalidity != uidvalidity:
            log.warning("IMAP %s was renumbered; reading it again", mailbox_key)
            cursor.uidvalidity = uidvalidity
            cursor.last_uid = 0
            session.commit()
        return cursor.last_uid


def _advance(factory: sessionmaker[Session], mailbox_key: str, uid: int) -> None:
    with factory() as session:
        cursor = session.scalar(select(ImapCursor).where(ImapCursor.mailbox == mailbox_key))
        if cursor is not None and cursor.last_uid < uid:
            cursor.last_uid = uid
            session.commit()
