"""Supervisor alerts (SLA breaches, repeated transfers): the open list and acknowledging one."""

from __future__ import annotations

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.kit.clock import utcnow
from gonggam.routing.models import SupervisorAlert


def unacknowledged(session: Session, *, limit: int = 200) -> list[SupervisorAlert]:
    """Alerts nobody has acknowledged yet, newest first."""
    return list(
        session.scalars(
            select(SupervisorAlert)
            .where(SupervisorAlert.acknowledged_at.is_(None))
            .order_by(SupervisorAlert.id.desc())
            .limit(limit)
        )
    )


def acknowledge(session: Session, *, alert_id: int, actor: Principal) -> SupervisorAlert:
    """A supervisor has seen the alert: it leaves the open list; the audit log keeps who."""
    from gonggam.accounts.service import audit

    alert = session.get(SupervisorAlert, alert_id)
    if alert is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"alert {alert_id} not found")
    if alert.acknowledged_at is None:
        alert.acknowledged_at = utcnow()
        audit(
            session,
            actor=actor,
            action="alert.acknowledge",
            target=f"alert:{alert.id}",
            conversation_id=alert.conversation_id,
            kind=alert.kind,
        )
        session.commit()
    return alert
