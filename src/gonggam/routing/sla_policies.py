"""Admins' SLA policies: create and change targets. New clocks pick them up.

A running clock keeps the due times it was started with; it is re-timed from the current
policy only when a later change of the conversation finds it another policy (priority raised,
a new, more specific policy) or when it resumes after a pause.
"""

from __future__ import annotations

from fastapi import HTTPException, status
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.routing import sla
from gonggam.routing.models import SlaPolicy

FIELDS = (
    "name",
    "priority",
    "channel",
    "first_response_minutes",
    "resolution_minutes",
    "business_hours",
)


def listed(session: Session) -> list[SlaPolicy]:
    """Every policy (the defaults are written on first look at an empty table)."""
    found = sla.policies(session)
    session.commit()
    return found


def _same_scope(session: Session, values: dict[str, object], skip: int | None) -> None:
    for policy in sla.policies(session):
        if policy.id == skip:
            continue
        if policy.priority == values["priority"] and policy.channel == values["channel"]:
            raise HTTPException(
                status.HTTP_409_CONFLICT,
                f"policy {policy.name!r} already covers this priority and channel",
            )


def create(session: Session, *, values: dict[str, object], actor: Principal) -> SlaPolicy:
    """Add a policy for a priority and/or channel not covered yet."""
    from gonggam.accounts.service import audit

    _same_scope(session, values, skip=None)
    policy = SlaPolicy(**{k: values[k] for k in FIELDS})
    session.add(policy)
    session.flush()
    audit(session, actor=actor, action="sla_policy.create", target=f"sla_policy:{policy.id}")
    session.commit()
    return policy


def update(
    session: Session, *, policy_id: int, values: dict[str, object], actor: Principal
) -> SlaPolicy:
    """Change a policy's scope or targets (new clocks use them)."""
    from gonggam.accounts.service import audit

    policy = session.get(SlaPolicy, policy_id)
    if policy is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"SLA policy {policy_id} not found")
    _same_scope(session, values, skip=policy.id)
    before = {k: getattr(policy, k) for k in FIELDS}
    for key in FIELDS:
        setattr(policy, key, values[key])
    changed = {k: [before[k], values[k]] for k in FIELDS if before[k] != values[k]}
    audit(
        session,
        actor=actor,
        action="sla_policy.update",
        target=f"sla_policy:{policy.id}",
        changes=changed,
    )
    session.commit()
    return policy
