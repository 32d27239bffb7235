"""Routing's background passes: SLA warnings and breaches, and a queue safety sweep."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Conversation, EventKind, Status
from gonggam.kit.clock import utcnow
from gonggam.routing import sla
from gonggam.routing.assign import dispatch
from gonggam.routing.models import SlaClock, SlaPolicy, SupervisorAlert


def dispatch_pass(factory: sessionmaker[Session]) -> int:
    """Assign whatever can be assigned. Verbs already dispatch in their own transaction; this
    sweep catches anything a crash or a failed request left in the queue."""
    with factory() as session:
        done = dispatch(session)
        session.commit()
        return done


def sla_pass(factory: sessionmaker[Session], *, now: datetime | None = None) -> int:
    """Warn on conversations at risk and escalate breaches (event + supervisor alert), once each.

    Each clock row is locked with SKIP LOCKED so several workers never alert twice.
    """
    from gonggam.conversations.service import record_event

    now = now or utcnow()
    raised = 0
    with factory() as session:
        policies = {p.id: p for p in session.scalars(select(SlaPolicy))}
        rows = session.execute(
            select(SlaClock, Conversation)
            .join(Conversation, Conversation.id == SlaClock.conversation_id)
            .where(Conversation.status.in_((Status.open.value, Status.pending.value)))
            .with_for_update(of=SlaClock, skip_locked=True)
        ).all()
        for clock, conversation in rows:
            policy = policies.get(clock.policy_id)
            state = sla.state_of(conversation, clock, policy, now) if policy else None
            if state is None or state.state not in ("at_risk", "breached"):
                continue
            field = f"{state.target}_alert"
            already = getattr(clock, field)
            wanted = "breached" if state.state == "breached" else "warned"
            if already == wanted or already == "breached":
                continue
            setattr(clock, field, wanted)
            kind = EventKind.sla_breached if wanted == "breached" else EventKind.sla_warning
            record_event(
                session,
                conversation=conversation,
                kind=kind,
                actor=None,
                at=now,
                target=state.target,
                due=state.due.isoformat(),
                seconds_left=state.seconds_left,
            )
            if wanted == "breached":
                session.add(
                    SupervisorAlert(
                        conversation_id=conversation.id,
                        kind=f"sla_breached.{state.target}",
                        detail=f"{state.target} due {state.due.isoformat()}",
                        created_at=now,
                    )
                )
            raised += 1
        session.commit()
    return raised
