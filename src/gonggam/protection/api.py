"""`/api/v1/protection/alerts`: supervisors read and acknowledge abuse alerts (SPEC 2.5)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from gonggam.deps import SessionDep, SupervisorPrincipal
from gonggam.protection import oversight
from gonggam.protection.models import AbuseIncident

router = APIRouter(prefix="/api/v1/protection", tags=["protection"])


class ProtectionAlertOut(BaseModel):
    id: int
    kind: str
    conversation_id: int
    customer_id: int
    message_id: int
    agent_id: int | None
    abuse_kinds: list[str]
    action: str
    warning_number: int | None
    created_at: str
    acknowledged: bool
    acknowledged_at: str | None
    acknowledged_by: str | None


def _out(incident: AbuseIncident) -> ProtectionAlertOut:
    seen = incident.alert_seen_at
    return ProtectionAlertOut(
        id=incident.id,
        kind=incident.alert or "",
        conversation_id=incident.conversation_id,
        customer_id=incident.customer_id,
        message_id=incident.message_id,
        agent_id=incident.agent_id,
        abuse_kinds=list(incident.kinds),
        action=incident.action,
        warning_number=incident.warning_number,
        created_at=incident.created_at.isoformat(),
        acknowledged=seen is not None,
        acknowledged_at=seen.isoformat() if seen else None,
        acknowledged_by=incident.alert_seen_by,
    )


@router.get("/alerts")
def list_alerts(
    session: SessionDep, principal: SupervisorPrincipal, acknowledged: bool | None = None
) -> list[ProtectionAlertOut]:
    """Alerts about abusive customers, unacknowledged first, newest first."""
    del principal
    return [_out(i) for i in oversight.alerts(session, acknowledged=acknowledged, limit=200)]


@router.post("/alerts/{alert_id}/acknowledge")
def acknowledge_alert(
    alert_id: int, session: SessionDep, principal: SupervisorPrincipal
) -> ProtectionAlertOut:
    """Mark an alert as seen (the same verb as the page's "seen" button; audited)."""
    return _out(oversight.acknowledge(session, incident_id=alert_id, actor=principal))
