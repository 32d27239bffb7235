"""What supervisors see: alerts, abuse counts per agent, and evidence for legal action."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import HTTPException, status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.accounts.service import audit
from gonggam.conversations.models import Message
from gonggam.kit.clock import utcnow
from gonggam.protection.models import AbuseIncident

# "Today" and "this week" are the desk's local days (Korea), Monday first.
DESK_ZONE = ZoneInfo("Asia/Seoul")
EVIDENCE_FIELDS = (
    "message_id",
    "conversation_id",
    "received_at",
    "channel",
    "kinds",
    "original_text",
    "action",
    "warning_number",
    "notice_text",
    "notice_sent_at",
    "agent",
)


@dataclass(frozen=True)
class AgentAbuse:
    user_id: int
    name: str
    email: str
    today: int
    week: int


def alerts(
    session: Session, *, acknowledged: bool | None = None, limit: int = 100
) -> list[AbuseIncident]:
    """Supervisor alerts, unseen first, newest first; `acknowledged` keeps only seen (True) or
    unseen (False) ones."""
    query = select(AbuseIncident).where(AbuseIncident.alert.is_not(None))
    if acknowledged is not None:
        seen = AbuseIncident.alert_seen_at
        query = query.where(seen.is_not(None) if acknowledged else seen.is_(None))
    return list(
        session.scalars(
            query.order_by(AbuseIncident.alert_seen_at.is_not(None), AbuseIncident.id.desc()).limit(
                limit
            )
        )
    )


def acknowledge(session: Session, *, incident_id: int, actor: Principal) -> AbuseIncident:
    """Mark an alert as seen by this supervisor (audited once; seeing it again changes
    nothing)."""
    incident = session.get(AbuseIncident, incident_id)
    if incident is None or incident.alert is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no alert {incident_id}")
    if incident.alert_seen_at is None:
        incident.alert_seen_at = utcnow()
        incident.alert_seen_by = actor.label
        audit(session, actor=actor, action="abuse.alert_seen", target=f"incident:{incident_id}")
        session.commit()
    return incident


def period_starts(now: datetime) -> tuple[datetime, datetime]:
    """(start of today, start of this week) in the desk's zone, as aware datetimes."""
    local = now.astimezone(DESK_ZONE)
    today = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return today, today - timedelta(days=today.weekday())


def per_agent(session: Session, *, now: datetime | None = None) -> list[AgentAbuse]:
    """Abusive messages each agent received today and this week (most this week first)."""
    today, week = period_starts(now or utcnow())
    rows = session.execute(
        select(AbuseIncident.agent_id, AbuseIncident.created_at).where(
            AbuseIncident.agent_id.is_not(None), AbuseIncident.created_at >= week
        )
    ).all()
    counts: dict[int, list[int]] = {}
    for agent_id, created_at in rows:
        pair = counts.setdefault(int(agent_id or 0), [0, 0])
        pair[1] += 1
        if created_at >= today:
            pair[0] += 1
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(counts)))}
    result = [
        AgentAbuse(uid, users[uid].name, users[uid].email, pair[0], pair[1])
        for uid, pair in counts.items()
        if uid in users
    ]
    return sorted(result, key=lambda a: (-a.week, -a.today, a.name))


def customer_abuse_count(session: Session, *, customer_id: int) -> int:
    """How many abusive messages this customer has sent, ever."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(AbuseIncident)
            .where(AbuseIncident.customer_id == customer_id)
        )
        or 0
    )


def evidence(session: Session, *, customer_id: int, actor: Principal) -> list[dict[str, object]]:
    """One customer's abusive messages with the original text and the notices sent; audited."""
    incidents = list(
        session.scalars(
            select(AbuseIncident)
            .where(AbuseIncident.customer_id == customer_id)
            .order_by(AbuseIncident.id)
        )
    )
    ids = {i.message_id for i in incidents} | {
        i.notice_message_id for i in incidents if i.notice_message_id
    }
    messages = {m.id: m for m in session.scalars(select(Message).where(Message.id.in_(ids)))}
    agents = {u.id: u.email for u in session.scalars(select(User))}
    records: list[dict[str, object]] = []
    for incident in incidents:
        original = messages[incident.message_id]
        notice = messages.get(incident.notice_message_id or -1)
        records.append(
            {
                "message_id": original.id,
                "conversation_id": incident.conversation_id,
                "received_at": original.created_at.isoformat(),
                "channel": original.channel,
                "kinds": ",".join(incident.kinds),
                "original_text": original.text,
                "action": incident.action,
                "warning_number": incident.warning_number,
                "notice_text": notice.text if notice else None,
                "notice_sent_at": notice.created_at.isoformat() if notice else None,
                "agent": agents.get(incident.agent_id or -1),
            }
        )
    audit(
        session,
        actor=actor,
        action="abuse.export",
        target=f"customer:{customer_id}",
        messages=len(records),
    )
    session.commit()
    return records


def evidence_csv(records: list[dict[str, object]]) -> str:
    """The evidence as CSV with a BOM, so spreadsheet programs read the Korean correctly."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EVIDENCE_FIELDS)
    writer.writeheader()
    for record in records:
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return "\ufeff" + out.getvalue()


def evidence_json(records: list[dict[str, object]], *, customer_id: int) -> str:
    return json.dumps(
        {"customer_id": customer_id, "exported_at": utcnow().isoformat(), "messages": records},
        ensure_ascii=False,
        indent=2,
    )
