"""Routing: which team a conversation belongs to and how urgent it is.

This is the first-time-right team choice from triage. Agent skills, capacity, presence,
automatic assignment and wait-time estimates build on it in this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Conversation, EventKind, Priority
from gonggam.routing.models import Team

URGENCY_PRIORITY = {
    "low": Priority.low,
    "normal": Priority.normal,
    "high": Priority.high,
    "urgent": Priority.urgent,
}


def list_teams(session: Session) -> list[Team]:
    """Every team, in the order they were created."""
    return list(session.scalars(select(Team).order_by(Team.id)))


def team_for_intent(session: Session, *, intent: str | None) -> tuple[Team | None, str]:
    """The team owning `intent`, else the default team; with the reason for the timeline."""
    teams = list(session.scalars(select(Team).order_by(Team.id)))
    if intent:
        for team in teams:
            if intent in team.intents:
                return team, f"intent {intent}"
    default = next((t for t in teams if t.is_default), None)
    return default, "default team"


def route(
    session: Session,
    *,
    conversation: Conversation,
    triage: Mapping[str, Any] | None,
    at: datetime | None = None,
) -> None:
    """Set the team (first message only) and raise the priority to the triaged urgency.

    Priority is only ever raised automatically: a calm follow-up does not bury an urgent case.
    """
    from gonggam.conversations.service import record_event

    if conversation.team_id is None:
        team, reason = team_for_intent(session, intent=triage.get("intent") if triage else None)
        if team is not None:
            conversation.team_id = team.id
            record_event(
                session,
                conversation=conversation,
                kind=EventKind.routed,
                actor=None,
                at=at,
                team=team.name,
                reason=reason,
            )
    urgency = triage.get("urgency") if triage else None
    wanted = URGENCY_PRIORITY.get(str(urgency)) if urgency else None
    if wanted is not None and wanted > conversation.priority:
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.priority_changed,
            actor=None,
            at=at,
            old=Priority(conversation.priority).name,
            new=wanted.name,
            reason=f"urgency {urgency}",
        )
        conversation.priority = int(wanted)
