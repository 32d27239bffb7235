"""SLA clocks: first-response and resolution targets by priority and channel.

Targets count business time (`businesstime`) unless the policy runs around the clock. The
clock stops while the conversation is pending (waiting on the customer): the paused time is
added to both due times when it resumes. A target is "at risk" in its last quarter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Conversation, Status
from gonggam.kit.clock import ensure_aware, utcnow
from gonggam.routing.businesstime import add_seconds, seconds_between
from gonggam.routing.models import SlaClock, SlaPolicy

AT_RISK_FRACTION = 0.25
# (name, priority, channel, first response, resolution minutes, business hours): what a desk
# gets until an admin sets its own; urgent runs around the clock.
DEFAULT_POLICIES = (
    ("긴급", 3, None, 30, 240, False),
    ("높음", 2, None, 60, 540, True),
    ("보통", 1, None, 240, 1620, True),
    ("낮음", 0, None, 480, 2700, True),
    ("공개 소셜 게시물", None, "social", 60, 540, True),
)


def policies(session: Session) -> list[SlaPolicy]:
    """Every SLA policy; an empty table gets the defaults."""
    found = list(session.scalars(select(SlaPolicy).order_by(SlaPolicy.id)))
    if found:
        return found
    for name, priority, channel, first, resolution, hours in DEFAULT_POLICIES:
        session.add(
            SlaPolicy(
                name=name,
                priority=priority,
                channel=channel,
                first_response_minutes=first,
                resolution_minutes=resolution,
                business_hours=hours,
            )
        )
    session.flush()
    return list(session.scalars(select(SlaPolicy).order_by(SlaPolicy.id)))


@dataclass(frozen=True)
class SlaState:
    """`target` is "first_response" or "resolution"; `state` ok, at_risk, breached or paused."""

    target: str
    state: str
    seconds_left: int
    due: datetime


def policy_for(candidates: Iterable[SlaPolicy], conversation: Conversation) -> SlaPolicy | None:
    """The most specific policy: priority and channel, then channel, then priority, then any."""
    best: tuple[int, SlaPolicy] | None = None
    for policy in candidates:
        if policy.priority is not None and policy.priority != conversation.priority:
            continue
        if policy.channel is not None and policy.channel != conversation.channel:
            continue
        rank = 2 * (policy.channel is not None) + (policy.priority is not None)
        if best is None or rank > best[0]:
            best = (rank, policy)
    return best[1] if best else None


def _set_dues(clock: SlaClock, policy: SlaPolicy) -> None:
    hours = policy.business_hours
    for attr, minutes in (
        ("first_response_due", policy.first_response_minutes),
        ("resolution_due", policy.resolution_minutes),
    ):
        seconds = minutes * 60 + clock.paused_seconds
        setattr(clock, attr, add_seconds(clock.started_at, seconds, business_hours=hours))


def follow(session: Session, *, conversation: Conversation, now: datetime | None = None) -> None:
    """Start, re-target, pause or resume the conversation's clock to match its state."""
    now = now or utcnow()
    policy = policy_for(policies(session), conversation)
    clock = session.get(SlaClock, conversation.id)
    if policy is None:
        return
    if clock is None:
        if conversation.status != Status.open.value:
            return
        clock = SlaClock(
            conversation_id=conversation.id,
            policy_id=policy.id,
            started_at=ensure_aware(conversation.created_at),
            paused_seconds=0,
            first_response_alert="",
            resolution_alert="",
        )
        _set_dues(clock, policy)
        session.add(clock)
        return
    if clock.policy_id != policy.id:
        # The priority rose (or the channel changed): the stricter targets apply from the start.
        clock.policy_id = policy.id
        _set_dues(clock, policy)
    if conversation.status == Status.pending.value and clock.paused_at is None:
        clock.paused_at = now
    elif conversation.status == Status.open.value and clock.paused_at is not None:
        paused = seconds_between(
            ensure_aware(clock.paused_at), now, business_hours=policy.business_hours
        )
        clock.paused_seconds += max(0, int(paused))
        clock.paused_at = None
        _set_dues(clock, policy)


def state_of(
    conversation: Conversation, clock: SlaClock, policy: SlaPolicy, now: datetime | None = None
) -> SlaState | None:
    """Where the running target stands; None once both targets are behind us (met or closed)."""
    now = now or utcnow()
    if conversation.status in (Status.resolved.value, Status.closed.value):
        return None
    if conversation.first_response_at is None:
        target, due, minutes = (
            "first_response",
            clock.first_response_due,
            policy.first_response_minutes,
        )
    else:
        target, due, minutes = "resolution", clock.resolution_due, policy.resolution_minutes
    due = ensure_aware(due)
    frozen_at = ensure_aware(clock.paused_at) if clock.paused_at else now
    left = int(seconds_between(frozen_at, due, business_hours=policy.business_hours))
    if left < 0:
        state = "breached"
    elif clock.paused_at is not None:
        state = "paused"
    elif left < AT_RISK_FRACTION * minutes * 60:
        state = "at_risk"
    else:
        state = "ok"
    return SlaState(target=target, state=state, seconds_left=left, due=due)


def states_for(
    session: Session, conversations: list[Conversation], now: datetime | None = None
) -> dict[int, SlaState]:
    """SLA state of many conversations in two queries (the inbox)."""
    ids = [c.id for c in conversations]
    if not ids:
        return {}
    clocks = {
        c.conversation_id: c
        for c in session.scalars(select(SlaClock).where(SlaClock.conversation_id.in_(ids)))
    }
    policies = {p.id: p for p in session.scalars(select(SlaPolicy))}
    found: dict[int, SlaState] = {}
    for conversation in conversations:
        clock = clocks.get(conversation.id)
        policy = policies.get(clock.policy_id) if clock else None
        if clock is None or policy is None:
            continue
        state = state_of(conversation, clock, policy, now)
        if state is not None:
            found[conversation.id] = state
    return found
