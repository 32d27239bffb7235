"""Is anyone there to answer? Routing's presence first, then a cautious reading of activity.

An agent who set themselves online (routing's presence switch) is available. Desks where
nobody uses the switch still get an honest answer: an agent counts as available when they
signed in within the session lifetime and did not sign out since, or acted on a conversation
recently. When nobody is, the widget says so and switches to leaving a message.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.accounts.models import AuditEntry
from gonggam.conversations.models import Event
from gonggam.kit.clock import ensure_aware, utcnow
from gonggam.routing.models import AgentProfile, Presence

SESSION_LIFETIME = timedelta(hours=12)  # the session cookie's max age
RECENT_ACTION = timedelta(minutes=15)


def agents_available(session: Session, *, now: datetime | None = None) -> bool:
    """True when some person is signed in (not signed out since) or acted in the last minutes."""
    now = now or utcnow()
    online = session.scalar(
        select(AgentProfile.user_id).where(AgentProfile.presence == Presence.online.value).limit(1)
    )
    if online is not None:
        return True
    acted = session.scalar(
        select(Event.id)
        .where(Event.actor_id.is_not(None), Event.created_at >= now - RECENT_ACTION)
        .limit(1)
    )
    if acted is not None:
        return True
    last: dict[str, dict[int, datetime]] = {"login": {}, "logout": {}}
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.actor_id, func.max(AuditEntry.created_at))
        .where(
            AuditEntry.action.in_(("login", "logout")),
            AuditEntry.actor_id.is_not(None),
            AuditEntry.created_at >= now - SESSION_LIFETIME,
        )
        .group_by(AuditEntry.action, AuditEntry.actor_id)
    )
    for action, actor_id, at in rows:
        if actor_id is not None:
            last[action][actor_id] = ensure_aware(at)
    return any(
        at > last["logout"].get(actor_id, at - timedelta(seconds=1))
        for actor_id, at in last["login"].items()
    )
