"""Protecting agents (SPEC 2.5): warnings that escalate, ending, alerts, restrictions.

`after_triage` runs inside the pipeline's analysis transaction (the pipeline commits); every
other verb owns its transaction, appends its timeline event and commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fastapi import HTTPException, status
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.accounts.service import audit
from gonggam.conversations.models import Conversation, EventKind, Message, Status
from gonggam.conversations.service import desk_message, record_event
from gonggam.kit.clock import utcnow
from gonggam.protection.models import (
    AbuseAction,
    AbuseIncident,
    AgentProtection,
    AlertKind,
    CustomerRestriction,
    ProtectionPolicy,
    Restriction,
)
from gonggam.routing.models import Team

POLICY_ID = 1


def policy(session: Session) -> ProtectionPolicy:
    """The desk's protection policy; created with the Korean defaults on first use."""
    found = session.get(ProtectionPolicy, POLICY_ID)
    if found is None:
        found = ProtectionPolicy(id=POLICY_ID)
        session.add(found)
        session.flush()
    return found


def update_policy(
    session: Session,
    *,
    actor: Principal,
    max_warnings: int,
    end_on_threat: bool,
    warnings: list[str],
    final_notice: str,
    alert_at: int,
    senior_team_id: int | None,
) -> ProtectionPolicy:
    """Change the policy (admins); audited with the old and new limits."""
    if max_warnings < 0 or alert_at < 1:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "limits must be positive")
    if max_warnings > 0 and not [w for w in warnings if w.strip()]:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "a warning text is needed")
    if not final_notice.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "a final notice is needed")
    current = policy(session)
    audit(
        session,
        actor=actor,
        action="protection.policy",
        target="protection_policy",
        old={"max_warnings": current.max_warnings, "end_on_threat": current.end_on_threat},
        new={"max_warnings": max_warnings, "end_on_threat": end_on_threat},
    )
    current.max_warnings = max_warnings
    current.end_on_threat = end_on_threat
    current.warnings = [w.strip() for w in warnings if w.strip()]
    current.final_notice = final_notice.strip()
    current.alert_at = alert_at
    current.senior_team_id = senior_team_id
    current.updated_at = utcnow()
    session.commit()
    return current


def warning_text(rules: ProtectionPolicy, number: int) -> str:
    """The `number`-th warning (1-based); the last text repeats when there are fewer."""
    texts = rules.warnings or [rules.final_notice]
    return texts[min(number, len(texts)) - 1]


def _system_message(
    session: Session, *, conversation: Conversation, text: str, at: datetime
) -> Message:
    """A notice from the desk to the customer, delivered like any reply."""
    message = desk_message(session, conversation=conversation, text=text, at=at)
    conversation.last_message_at = at
    return message


def _close(
    session: Session,
    *,
    conversation: Conversation,
    actor: Principal | None,
    at: datetime,
    reason: str,
    abusive_message_id: int | None,
) -> Message:
    """Send the final notice and close the conversation, with both events."""
    rules = policy(session)
    notice = _system_message(session, conversation=conversation, text=rules.final_notice, at=at)
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.abuse_ended,
        actor=actor,
        at=at,
        message_id=abusive_message_id,
        notice_message_id=notice.id,
        reason=reason,
    )
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.status_changed,
        actor=actor,
        at=at,
        old=conversation.status,
        new=Status.closed.value,
        reason="abuse",
    )
    conversation.status = Status.closed.value
    conversation.waiting_since = None
    return notice


def after_triage(
    session: Session,
    *,
    conversation: Conversation,
    message: Message,
    analysis: Mapping[str, Any],
) -> AbuseIncident | None:
    """Honour the customer's contact restriction, then answer abuse per the policy.

    An abusive message gets the next warning, or the final notice and the end of the
    conversation once the warnings are used up (at once for a threat when the policy says
    so). The alert_at-th abusive message of a conversation, and any threat, alert supervisors.
    """
    _route_restricted(session, conversation=conversation, at=message.created_at)
    if not analysis.get("abusive"):
        return None
    existing = session.scalar(select(AbuseIncident).where(AbuseIncident.message_id == message.id))
    if existing is not None:
        return existing
    rules = policy(session)
    kinds = sorted({str(span[2]) for span in analysis.get("abuse_spans") or []})
    before = session.scalar(
        select(func.count())
        .select_from(AbuseIncident)
        .where(AbuseIncident.conversation_id == conversation.id)
    )
    warned = session.scalar(
        select(func.count())
        .select_from(AbuseIncident)
        .where(
            AbuseIncident.conversation_id == conversation.id,
            AbuseIncident.action == AbuseAction.warned.value,
        )
    )
    incident = AbuseIncident(
        message_id=message.id,
        conversation_id=conversation.id,
        customer_id=conversation.customer_id,
        agent_id=conversation.assignee_id,
        kinds=kinds,
        action=AbuseAction.none.value,
        created_at=message.created_at,
    )
    at = message.created_at
    threat = "threat" in kinds
    if conversation.status != Status.closed.value:
        if (threat and rules.end_on_threat) or (warned or 0) >= rules.max_warnings:
            notice = _close(
                session,
                conversation=conversation,
                actor=None,
                at=at,
                reason="threat" if threat and rules.end_on_threat else "warnings_used",
                abusive_message_id=message.id,
            )
            incident.action = AbuseAction.ended.value
        else:
            number = (warned or 0) + 1
            notice = _system_message(
                session, conversation=conversation, text=warning_text(rules, number), at=at
            )
            record_event(
                session,
                conversation=conversation,
                kind=EventKind.abuse_warning,
                actor=None,
                at=at,
                message_id=message.id,
                notice_message_id=notice.id,
                number=number,
                of=rules.max_warnings,
            )
            incident.action = AbuseAction.warned.value
            incident.warning_number = number
        incident.notice_message_id = notice.id
    if threat or (before or 0) + 1 >= rules.alert_at:
        incident.alert = AlertKind.threat.value if threat else AlertKind.repeated.value
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.abuse_alert,
            actor=None,
            at=at,
            message_id=message.id,
            alert=incident.alert,
            count=(before or 0) + 1,
        )
    session.add(incident)
    session.flush()
    return incident


def _route_restricted(session: Session, *, conversation: Conversation, at: datetime) -> None:
    """A customer restricted to the senior queue starts every new conversation there."""
    if conversation.team_id is not None:
        return
    found = session.get(CustomerRestriction, conversation.customer_id)
    if found is None or found.level != Restriction.senior.value:
        return
    team_id = policy(session).senior_team_id
    team = session.get(Team, team_id) if team_id else None
    if team is None:
        return
    conversation.team_id = team.id
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.routed,
        actor=None,
        at=at,
        team=team.name,
        reason="restriction senior",
    )


def end_conversation(session: Session, *, conversation: Conversation, actor: Principal) -> None:
    """The agent ends an abusive conversation per policy: final notice, then closed."""
    if conversation.status == Status.closed.value:
        raise HTTPException(status.HTTP_409_CONFLICT, "this conversation is already closed")
    _close(
        session,
        conversation=conversation,
        actor=actor,
        at=utcnow(),
        reason="agent",
        abusive_message_id=None,
    )
    session.commit()


def shows_abuse(session: Session, *, user_id: int | None) -> bool:
    """Whether this person chose to see abusive words (masked by default)."""
    if user_id is None:
        return False
    found = session.get(AgentProtection, user_id)
    return bool(found and found.show_abuse)


def choose_show_abuse(session: Session, *, actor: Principal, show: bool) -> None:
    """Store the agent's own masking choice."""
    if actor.user_id is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "only people have preferences")
    found = session.get(AgentProtection, actor.user_id)
    if found is None:
        found = AgentProtection(user_id=actor.user_id)
        session.add(found)
    found.show_abuse = show
    found.updated_at = utcnow()
    audit(session, actor=actor, action="protection.preference", target=None, show_abuse=show)
    session.commit()


def restriction(session: Session, *, customer_id: int) -> str:
    """The customer's contact restriction level ("none" when never set)."""
    found = session.get(CustomerRestriction, customer_id)
    return found.level if found else Restriction.none.value


def restrict(
    session: Session, *, actor: Principal, customer_id: int, level: Restriction, reason: str | None
) -> None:
    """Limit a customer's future contact (supervisors); audited."""
    found = session.get(CustomerRestriction, customer_id)
    old = found.level if found else Restriction.none.value
    if found is None:
        found = CustomerRestriction(customer_id=customer_id, set_by=actor.label)
        session.add(found)
    found.level = level.value
    found.reason = reason
    found.set_by = actor.label
    found.set_at = utcnow()
    audit(
        session,
        actor=actor,
        action="customer.restrict",
        target=f"customer:{customer_id}",
        old=old,
        new=level.value,
        reason=reason,
    )
    session.commit()


def open_alerts(session: Session, *, conversation_ids: list[int]) -> set[int]:
    """Which of these conversations have a supervisor alert nobody has looked at yet."""
    if not conversation_ids:
        return set()
    return set(
        session.scalars(
            select(AbuseIncident.conversation_id).where(
                AbuseIncident.conversation_id.in_(conversation_ids),
                AbuseIncident.alert.is_not(None),
                AbuseIncident.alert_seen_at.is_(None),
            )
        )
    )


def conversation_abuse(session: Session, *, conversation_id: int) -> list[AbuseIncident]:
    """The conversation's abusive messages, oldest first."""
    return list(
        session.scalars(
            select(AbuseIncident)
            .where(AbuseIncident.conversation_id == conversation_id)
            .order_by(AbuseIncident.id)
        )
    )
