"""Is the chat customer still there? Their widget sockets say so; when not, replies go by e-mail.

Rule: an open widget socket refreshes the customer's `ChatVisit.last_seen_at` at least every
`TOUCH_EVERY` and once more when it closes. A customer is *away* when nothing refreshed it for
`AWAY_AFTER` (2 minutes): a reload or a move to another page of the shop reconnects well within
that, and a process that died with its sockets open stops refreshing, so it cannot keep a
customer "present" forever.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gonggam.channels.chat.models import ChatVisit
from gonggam.customers.models import Customer

TOUCH_EVERY = timedelta(seconds=30)
AWAY_AFTER = timedelta(minutes=2)
MAX_PAGE_URL = 500


def touch(session: Session, *, customer_id: int, at: datetime, page_url: str | None) -> None:
    """Record that a widget of this customer is alive at `at` (commits)."""
    visit = session.get(ChatVisit, customer_id)
    if visit is None:
        try:
            with session.begin_nested():
                session.add(ChatVisit(customer_id=customer_id, last_seen_at=at, page_url=page_url))
        except IntegrityError:  # another socket of theirs inserted it a moment ago
            visit = session.get_one(ChatVisit, customer_id)
    if visit is not None:
        visit.last_seen_at = max(visit.last_seen_at, at)
        visit.page_url = page_url or visit.page_url
    session.commit()


def _latest(session: Session, customer_id: int) -> ChatVisit | None:
    """The customer's latest visit, counting customers merged into them (a widget that opened
    before a merge kept writing under the old customer until its next refresh)."""
    merged = select(Customer.id).where(Customer.merged_into_id == customer_id)
    return session.scalar(
        select(ChatVisit)
        .where(or_(ChatVisit.customer_id == customer_id, ChatVisit.customer_id.in_(merged)))
        .order_by(ChatVisit.last_seen_at.desc())
        .limit(1)
    )


def away_until(session: Session, *, customer_id: int, now: datetime) -> datetime | None:
    """None when the customer is away; otherwise the moment they count as away at the earliest."""
    visit = _latest(session, customer_id)
    if visit is None:
        return None
    leaves = visit.last_seen_at + AWAY_AFTER
    return leaves if leaves > now else None


def page_url(session: Session, *, customer_id: int) -> str | None:
    """The host page to come back to, when one was kept."""
    visit = _latest(session, customer_id)
    return visit.page_url if visit else None


def page_for(*, page: object, origin: str | None, signed: bool) -> str | None:
    """The host page a widget reported, kept only when it can be put in an e-mail safely.

    Only for signed visitors (the host site vouched for the e-mail the link goes to), only
    http(s), and only on the origin the browser named in the socket's Origin header: a typed
    address never receives a link someone else chose.
    """
    if not signed or not isinstance(page, str) or not origin or len(page) > MAX_PAGE_URL:
        return None
    parts = urlsplit(page)
    if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    return parts._replace(fragment="").geturl()  # in-page state stays in the browser
