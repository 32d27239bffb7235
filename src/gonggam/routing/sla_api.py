"""JSON routes for SLA policies (admins) and supervisor alerts; included by `routing.api`."""

from __future__ import annotations

from fastapi import APIRouter, status

from gonggam.deps import AdminPrincipal, SessionDep, SupervisorPrincipal
from gonggam.routing import alerts, sla_policies
from gonggam.routing.models import SlaPolicy, SupervisorAlert
from gonggam.routing.schemas import AlertOut, SlaPolicyIn, SlaPolicyOut

# Mounted under /api/v1 by routing.api.
router = APIRouter(tags=["routing"])


def policy_out(policy: SlaPolicy) -> SlaPolicyOut:
    return SlaPolicyOut.model_validate(policy, from_attributes=True)


@router.get("/sla-policies")
def list_policies(session: SessionDep, principal: AdminPrincipal) -> list[SlaPolicyOut]:
    """Every SLA policy (admins)."""
    del principal
    return [policy_out(p) for p in sla_policies.listed(session)]


@router.post("/sla-policies", status_code=status.HTTP_201_CREATED)
def create_policy(
    body: SlaPolicyIn, session: SessionDep, principal: AdminPrincipal
) -> SlaPolicyOut:
    """A new policy for a priority and/or channel (409 when one already covers it)."""
    return policy_out(sla_policies.create(session, values=body.model_dump(), actor=principal))


@router.put("/sla-policies/{policy_id}")
def update_policy(
    policy_id: int, body: SlaPolicyIn, session: SessionDep, principal: AdminPrincipal
) -> SlaPolicyOut:
    """Change a policy; conversations that start a clock from now on get the new targets."""
    policy = sla_policies.update(
        session, policy_id=policy_id, values=body.model_dump(), actor=principal
    )
    return policy_out(policy)


def alert_out(alert: SupervisorAlert) -> AlertOut:
    return AlertOut(
        id=alert.id,
        conversation_id=alert.conversation_id,
        kind=alert.kind,
        detail=alert.detail,
        created_at=alert.created_at.isoformat(),
        acknowledged_at=alert.acknowledged_at.isoformat() if alert.acknowledged_at else None,
    )


@router.get("/alerts")
def list_alerts(session: SessionDep, principal: SupervisorPrincipal) -> list[AlertOut]:
    """Unacknowledged supervisor alerts (SLA breaches, repeated transfers), newest first."""
    del principal
    return [alert_out(a) for a in alerts.unacknowledged(session)]


@router.post("/alerts/{alert_id}/acknowledge")
def acknowledge_alert(
    alert_id: int, session: SessionDep, principal: SupervisorPrincipal
) -> AlertOut:
    """The supervisor has seen it: it leaves the unacknowledged list (audited)."""
    return alert_out(alerts.acknowledge(session, alert_id=alert_id, actor=principal))
