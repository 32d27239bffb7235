"""Queries of the coaching domain: a conversation's coaching context and the coaching report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from gonggam.accounts.models import User
from gonggam.coaching.models import ClichePhrase, PlaybookSteps, ReplyCoaching
from gonggam.conversations.models import Conversation, Direction, Message
from gonggam.routing.models import Team

# How many of the agent's own replies to other customers the near-copy check compares with.
PREVIOUS_REPLIES = 30
# How many of the customer's latest messages describe "what they said".
CUSTOMER_MESSAGES = 3


def customer_words(session: Session, conversation: Conversation) -> str:
    """The customer's latest messages in this conversation, masked, oldest first.

    Those since the agents' last reply when there are any, else the latest few: what the
    reply being written answers.
    """
    rows = list(
        session.scalars(
            select(Message)
            .where(Message.conversation_id == conversation.id, Message.direction != "note")
            .order_by(Message.id.desc())
            .limit(20)
        )
    )
    recent: list[Message] = []
    for message in rows:
        if message.direction == Direction.outbound.value and recent:
            break
        if message.direction == Direction.inbound.value:
            recent.append(message)
    if not recent:
        recent = [m for m in rows if m.direction == Direction.inbound.value]
    chosen = list(reversed(recent[:CUSTOMER_MESSAGES]))
    return "\n".join((m.masked_text or m.text) for m in chosen)


def replies_to_others(session: Session, *, agent_id: int | None, customer_id: int) -> list[str]:
    """This agent's latest replies to other customers (for the near-copy check)."""
    if agent_id is None:
        return []
    return list(
        session.scalars(
            select(Message.text)
            .where(
                Message.author_id == agent_id,
                Message.direction == Direction.outbound.value,
                Message.customer_id != customer_id,
            )
            .order_by(Message.id.desc())
            .limit(PREVIOUS_REPLIES)
        )
    )


def admin_phrases(session: Session) -> list[ClichePhrase]:
    """The boilerplate phrases admins added, oldest first."""
    return list(session.scalars(select(ClichePhrase).order_by(ClichePhrase.id)))


def playbook_overrides(session: Session) -> dict[tuple[str, str], list[str]]:
    """Edited playbooks by (customer type, language)."""
    return {
        (p.customer_type, p.language): list(p.steps) for p in session.scalars(select(PlaybookSteps))
    }


@dataclass(frozen=True)
class CoachingRow:
    """One line of the coaching report: an agent or a team."""

    key: str
    name: str
    replies: int
    average_score: float
    cliche_rate: float  # share of replies with at least one boilerplate phrase
    low_score_sent: int  # replies sent under the confirmation threshold after confirming


def _measures() -> list[Any]:
    return [
        func.count(ReplyCoaching.message_id),
        func.avg(ReplyCoaching.score),
        func.sum(case((ReplyCoaching.cliche_count > 0, 1), else_=0)),
        func.sum(case((ReplyCoaching.confirmed_low.is_(True), 1), else_=0)),
    ]


def _period(query: Select[Any], since: datetime | None, until: datetime | None) -> Select[Any]:
    if since is not None:
        query = query.where(ReplyCoaching.created_at >= since)
    if until is not None:
        query = query.where(ReplyCoaching.created_at < until)
    return query


def _row(key: str, name: str, replies: int, average: Any, cliched: Any, low: Any) -> CoachingRow:
    return CoachingRow(
        key=key,
        name=name,
        replies=replies,
        average_score=round(float(average or 0), 1),
        cliche_rate=round((cliched or 0) / replies, 3) if replies else 0.0,
        low_score_sent=int(low or 0),
    )


def coaching_by_agent(
    session: Session, *, since: datetime | None = None, until: datetime | None = None
) -> list[CoachingRow]:
    """Average coaching score and cliché rate of each agent's sent replies."""
    query = (
        select(User.email, User.name, *_measures())
        .join(User, User.id == ReplyCoaching.agent_id)
        .group_by(User.id, User.email, User.name)
        .order_by(User.email)
    )
    return [_row(*row) for row in session.execute(_period(query, since, until))]


def coaching_by_team(
    session: Session, *, since: datetime | None = None, until: datetime | None = None
) -> list[CoachingRow]:
    """The same per team (the agent's team when the reply was sent)."""
    query = (
        select(Team.name, Team.display_name, *_measures())
        .join(Team, Team.id == ReplyCoaching.team_id)
        .group_by(Team.id, Team.name, Team.display_name)
        .order_by(Team.name)
    )
    return [_row(*row) for row in session.execute(_period(query, since, until))]


def coaching_overall(
    session: Session, *, since: datetime | None = None, until: datetime | None = None
) -> CoachingRow:
    """The same over every stored reply of the period."""
    replies, average, cliched, low = session.execute(
        _period(select(*_measures()), since, until)
    ).one()
    return _row("all", "", int(replies or 0), average, cliched, low)
