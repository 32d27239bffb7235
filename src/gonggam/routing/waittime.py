"""How long a waiting customer will wait: the one entry point channels announce from.

Channels (chat widget, voice, e-mail acknowledgements) call `wait_for_conversation` and may
`record_announcement` what they told the customer; the accuracy report compares it with the
actual wait. The estimate comes from the live state of the conversation's queue (staffed
agents and their capacity, conversations in service and how long they have run, recent handle
times, recent abandonment) through `estimate.position_wait`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Conversation, EventKind, Status
from gonggam.kit.clock import ensure_aware, utcnow
from gonggam.routing import queue
from gonggam.routing.assign import Candidate, online_candidates
from gonggam.routing.estimate import QueueState, position_wait
from gonggam.routing.models import Assignment, Team, WaitAnnouncement

HISTORY = 200
HISTORY_WINDOW = timedelta(days=7)
# Cold start: until a queue has this many finished conversations, typical handle times fill in.
MIN_HISTORY = 5
PRIOR_HANDLE_SECONDS = {"live": 420.0, "email": 1800.0}


@dataclass(frozen=True)
class WaitEstimate:
    """`position` 1 is next; None when the conversation is not waiting in a queue.

    `estimated_wait_seconds` is None when nobody who could take it is online.
    """

    position: int | None
    estimated_wait_seconds: int | None


NOT_QUEUED = WaitEstimate(position=None, estimated_wait_seconds=None)


def _kind(channel: str) -> str:
    return "email" if queue.is_email(channel) else "live"


def _same_kind(channel: str, kind: str) -> bool:
    return _kind(channel) == kind


def queue_state(
    session: Session,
    *,
    team_id: int | None,
    kind: str,
    candidates: list[Candidate],
    now: datetime,
) -> QueueState:
    """The live state of one team's queue for one kind of work (live or e-mail), with nobody
    ahead yet: `QueueBoard.estimate` adds the customers ahead of each position."""
    agents = [
        c
        for c in candidates
        if c.user.team_id is None or team_id is None or c.user.team_id == team_id
    ]
    servers = sum(
        c.profile.email_capacity if kind == "email" else c.profile.chat_capacity for c in agents
    )
    in_service = (
        session.scalars(
            select(Assignment.assigned_at).where(
                Assignment.ended_at.is_(None), Assignment.user_id.in_([c.user.id for c in agents])
            )
        ).all()
        if agents
        else []
    )
    team_filter = Assignment.team_id.is_(None) if team_id is None else Assignment.team_id == team_id
    finished = session.execute(
        select(Assignment.channel, Assignment.assigned_at, Assignment.ended_at)
        .where(
            team_filter,
            Assignment.end_reason.in_((Status.resolved.value, Status.closed.value)),
            Assignment.ended_at >= now - HISTORY_WINDOW,
        )
        .order_by(Assignment.ended_at.desc())
        .limit(HISTORY)
    ).all()
    handle = [
        (ensure_aware(end) - ensure_aware(start)).total_seconds()
        for channel, start, end in finished
        if end is not None and _same_kind(channel, kind)
    ]
    if len(handle) < MIN_HISTORY:
        handle += [PRIOR_HANDLE_SECONDS[kind]] * (MIN_HISTORY - len(handle))
    return QueueState(
        servers=servers,
        busy_elapsed_seconds=[(now - ensure_aware(t)).total_seconds() for t in in_service],
        handle_seconds=handle,
        abandon_rate_per_second=abandon_rate(session, team_id=team_id, now=now),
    )


def abandon_rate(session: Session, *, team_id: int | None, now: datetime) -> float:
    """Customers who gave up per second of waiting, from recent announcements' outcomes."""
    team_filter = (
        WaitAnnouncement.team_id.is_(None)
        if team_id is None
        else WaitAnnouncement.team_id == team_id
    )
    rows = session.execute(
        select(
            WaitAnnouncement.outcome, func.sum(WaitAnnouncement.actual_wait_seconds), func.count()
        )
        .where(
            team_filter,
            WaitAnnouncement.outcome.is_not(None),
            WaitAnnouncement.announced_at >= now - HISTORY_WINDOW,
        )
        .group_by(WaitAnnouncement.outcome)
    ).all()
    exposure = sum(float(total or 0) for _, total, _ in rows)
    abandoned = sum(int(count) for outcome, _, count in rows if outcome == "abandoned")
    return abandoned / exposure if exposure > 0 else 0.0


class QueueBoard:
    """The live queues read once, at one instant: positions and estimates for many customers.

    A page showing many waiting conversations asks one board, so the queue, the online agents
    and each team's state are read once per request instead of once per row.
    """

    def __init__(self, session: Session, *, now: datetime | None = None) -> None:
        self.session = session
        self.now = now or utcnow()
        self._line: list[Conversation] | None = None
        self._candidates: list[Candidate] | None = None
        self._states: dict[tuple[int | None, str], QueueState] = {}

    def line(self) -> list[Conversation]:
        """Every queued conversation, in queue order."""
        if self._line is None:
            self._line = queue.queued(self.session, now=self.now)
        return self._line

    def candidates(self) -> list[Candidate]:
        """Agents online, with their load."""
        if self._candidates is None:
            self._candidates = online_candidates(self.session)
        return self._candidates

    def state(self, team_id: int | None, kind: str) -> QueueState:
        """One team's queue state for one kind of work, read on first use."""
        key = (team_id, kind)
        if key not in self._states:
            self._states[key] = queue_state(
                self.session,
                team_id=team_id,
                kind=kind,
                candidates=self.candidates(),
                now=self.now,
            )
        return self._states[key]

    def estimate(
        self, *, team_id: int | None, channel: str, ahead: list[Conversation], seed: int
    ) -> int | None:
        """Estimated seconds until an agent takes the customer behind `ahead`."""
        state = replace(
            self.state(team_id, _kind(channel)),
            ahead_waited_seconds=[
                (self.now - ensure_aware(c.waiting_since or self.now)).total_seconds()
                for c in ahead
            ],
        )
        seconds = position_wait(state, position=len(ahead) + 1, seed=seed)
        return None if seconds is None else round(seconds)

    def wait(self, conversation: Conversation) -> WaitEstimate:
        """Where this conversation stands in its team's queue, and how long it will likely wait."""
        if (
            conversation.assignee_id is not None
            or conversation.waiting_since is None
            or conversation.status != Status.open.value
        ):
            return NOT_QUEUED
        kind = _kind(conversation.channel)
        line = [
            c
            for c in self.line()
            if queue.same_queue(c, conversation) and _same_kind(c.channel, kind)
        ]
        ids = [c.id for c in line]
        if conversation.id not in ids:
            return NOT_QUEUED
        ahead = line[: ids.index(conversation.id)]
        seconds = self.estimate(
            team_id=conversation.team_id,
            channel=conversation.channel,
            ahead=ahead,
            seed=conversation.id,
        )
        return WaitEstimate(position=len(ahead) + 1, estimated_wait_seconds=seconds)


def wait_for_conversation(
    session: Session, *, conversation: Conversation, now: datetime | None = None
) -> WaitEstimate:
    """Where this conversation stands in its team's queue, and how long it will likely wait."""
    return QueueBoard(session, now=now).wait(conversation)


@dataclass(frozen=True)
class QueueSummary:
    name: str
    display_name: str
    waiting: int
    agents_available: int
    estimated_wait_seconds: int | None


def queue_summaries(session: Session) -> list[QueueSummary]:
    """Every team's live queue: who waits, who is online for it, what a newcomer would wait."""
    board = QueueBoard(session)
    waiting = board.line()
    candidates = board.candidates()
    teams: list[tuple[int | None, str, str]] = [
        (t.id, t.name, t.display_name) for t in session.scalars(select(Team).order_by(Team.id))
    ]
    if any(c.team_id is None for c in waiting):
        teams.append((None, "", ""))
    found = []
    for team_id, name, display in teams:
        line = [c for c in waiting if c.team_id == team_id]
        live = [c for c in line if not queue.is_email(c.channel)]
        agents = [
            c
            for c in candidates
            if c.user.team_id is None or team_id is None or c.user.team_id == team_id
        ]
        found.append(
            QueueSummary(
                name=name,
                display_name=display,
                waiting=len(line),
                agents_available=len(agents),
                estimated_wait_seconds=board.estimate(
                    team_id=team_id, channel="chat", ahead=live, seed=team_id or 0
                ),
            )
        )
    return found


def record_announcement(
    session: Session, *, conversation: Conversation, estimate: WaitEstimate, channel: str
) -> None:
    """Store what the customer was told (committed); the actual wait is added when an agent
    takes the conversation, for the accuracy report."""
    add_announcement(session, conversation=conversation, estimate=estimate, channel=channel)
    session.commit()


def add_announcement(
    session: Session, *, conversation: Conversation, estimate: WaitEstimate, channel: str
) -> None:
    """`record_announcement` inside the caller's transaction (e.g. with the message that says
    it)."""
    from gonggam.conversations.service import record_event

    session.add(
        WaitAnnouncement(
            conversation_id=conversation.id,
            team_id=conversation.team_id,
            channel=channel,
            position=estimate.position,
            estimated_wait_seconds=estimate.estimated_wait_seconds,
            announced_at=utcnow(),
        )
    )
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.wait_announced,
        actor=None,
        channel=channel,
        position=estimate.position,
        estimated_wait_seconds=estimate.estimated_wait_seconds,
    )
