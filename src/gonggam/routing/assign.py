"""Automatic assignment: the right agent, first time, the moment one has room.

`dispatch` runs inside the transaction of whatever changed the picture (a new conversation, an
agent resolving one, coming online, raising their capacity) and in the worker's safety pass.
It walks the queue in order and gives each conversation to the best free agent: the most
matching skills, then the lightest load, then round-robin (who was given work longest ago).

Several app processes may dispatch at once on PostgreSQL. Each claim locks the agent's profile
row and the conversation row with `FOR UPDATE SKIP LOCKED` (a row another process is busy with
is skipped, never waited for, so two dispatchers cannot deadlock), re-counts the agent's load
under that lock, and assigns only a conversation that is still unassigned. SQLite serialises
writers, so the same code is safe there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.conversations.models import Conversation, EventKind, Status
from gonggam.kit.clock import ensure_aware, utcnow
from gonggam.routing import queue
from gonggam.routing.models import AgentProfile, Presence

# The desk's own language: every agent speaks it; other languages are skills.
HOME_LANGUAGE = "ko"
WORKING = (Status.open.value, Status.pending.value)
NEVER = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Candidate:
    user: User
    profile: AgentProfile
    live_load: int
    email_load: int

    def room(self, channel: str) -> int:
        if queue.is_email(channel):
            return self.profile.email_capacity - self.email_load
        return self.profile.chat_capacity - self.live_load

    def load_ratio(self, channel: str) -> float:
        if queue.is_email(channel):
            return self.email_load / max(1, self.profile.email_capacity)
        return self.live_load / max(1, self.profile.chat_capacity)


def loads(session: Session, user_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(live conversations, e-mails) each agent is working on now."""
    if not user_ids:
        return {}
    rows = session.execute(
        select(
            Conversation.assignee_id,
            Conversation.channel,
            func.count(Conversation.id),
        )
        .where(Conversation.assignee_id.in_(user_ids), Conversation.status.in_(WORKING))
        .group_by(Conversation.assignee_id, Conversation.channel)
    )
    found: dict[int, tuple[int, int]] = {}
    for user_id, channel, count in rows:
        if user_id is None:
            continue
        live, mail = found.get(user_id, (0, 0))
        email = queue.is_email(channel)
        found[user_id] = (live, mail + count) if email else (live + count, mail)
    return found


def online_candidates(session: Session) -> list[Candidate]:
    """Active agents who are online, with their current load."""
    rows = session.execute(
        select(User, AgentProfile)
        .join(AgentProfile, AgentProfile.user_id == User.id)
        .where(User.is_active.is_(True), AgentProfile.presence == Presence.online.value)
        .order_by(User.id)
    ).all()
    counted = loads(session, [user.id for user, _ in rows])
    return [Candidate(user, profile, *counted.get(user.id, (0, 0))) for user, profile in rows]


def skill_score(conversation: Conversation, skills: list[str]) -> int:
    """How well an agent's skills fit: the intent counts double, the channel once."""
    triage = conversation.triage or {}
    return 2 * (triage.get("intent") in skills) + (conversation.channel in skills)


def can_serve(candidate: Candidate, conversation: Conversation) -> bool:
    """Team, language and room: the hard rules."""
    team = candidate.user.team_id
    if team is not None and conversation.team_id is not None and team != conversation.team_id:
        return False
    language = (conversation.triage or {}).get("language")
    if language and language != HOME_LANGUAGE and language not in candidate.profile.skills:
        return False
    return candidate.room(conversation.channel) > 0


def ranked(candidates: list[Candidate], conversation: Conversation) -> list[Candidate]:
    """Best first: skills, own team, lightest load, then whoever got work longest ago."""
    able = [c for c in candidates if can_serve(c, conversation)]
    return sorted(
        able,
        key=lambda c: (
            -skill_score(conversation, c.profile.skills),
            -(c.user.team_id is not None and c.user.team_id == conversation.team_id),
            c.load_ratio(conversation.channel),
            ensure_aware(c.profile.last_assigned_at or NEVER),
            c.user.id,
        ),
    )


def _claim(session: Session, candidate: Candidate, conversation: Conversation) -> bool:
    """Lock the agent and the conversation, re-check, and assign. False if someone was faster."""
    profile = session.scalar(
        select(AgentProfile)
        .where(
            AgentProfile.user_id == candidate.user.id,
            AgentProfile.presence == Presence.online.value,
        )
        .with_for_update(skip_locked=True)
        .execution_options(populate_existing=True)
    )
    if profile is None:
        return False
    live, mail = loads(session, [candidate.user.id]).get(candidate.user.id, (0, 0))
    candidate.profile, candidate.live_load, candidate.email_load = profile, live, mail
    if candidate.room(conversation.channel) <= 0:
        return False
    locked = session.scalar(
        select(Conversation.id)
        .where(Conversation.id == conversation.id, Conversation.assignee_id.is_(None))
        .with_for_update(skip_locked=True)
    )
    if locked is None:
        return False
    claimed = session.execute(
        update(Conversation)
        .where(
            Conversation.id == conversation.id,
            Conversation.assignee_id.is_(None),
            Conversation.status == Status.open.value,
        )
        .values(assignee_id=candidate.user.id)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(claimed, "rowcount", 0))


def dispatch(session: Session, *, now: datetime | None = None) -> int:
    """Assign queued conversations to free agents, in queue order. Returns how many.

    The caller commits (this runs inside the change that freed capacity).
    """
    from gonggam.conversations.service import record_event
    from gonggam.routing.tracking import note_assignment

    now = now or utcnow()
    candidates = online_candidates(session)
    if not candidates:
        return 0
    done = 0
    for conversation in queue.queued(session):
        for candidate in ranked(candidates, conversation):
            if not _claim(session, candidate, conversation):
                continue
            conversation.assignee_id = candidate.user.id
            session.expire(conversation, ["assignee"])
            candidate.profile.last_assigned_at = now
            if queue.is_email(conversation.channel):
                candidate.email_load += 1
            else:
                candidate.live_load += 1
            record_event(
                session,
                conversation=conversation,
                kind=EventKind.assigned,
                actor=None,
                at=now,
                old=None,
                new=candidate.user.email,
                reason="automatic",
                skill_match=skill_score(conversation, candidate.profile.skills),
                load=f"{candidate.live_load}/{candidate.profile.chat_capacity}",
            )
            note_assignment(session, conversation=conversation, automatic=True, now=now)
            done += 1
            break
    session.flush()
    return done
