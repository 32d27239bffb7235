"""Routing: which team a conversation belongs to and how urgent it is.

The first-time-right team choice from triage (intent, language, channel); then, in the same
transaction, the SLA clock starts and `assign.dispatch` gives the conversation to the best free
agent or leaves it queued.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Conversation, EventKind, Priority
from gonggam.routing.models import Team
from gonggam.routing.tracking import after_change

URGENCY_PRIORITY = {
    "low": Priority.low,
    "normal": Priority.normal,
    "high": Priority.high,
    "urgent": Priority.urgent,
}


def list_teams(session: Session) -> list[Team]:
    """Every team, in the order they were created."""
    return list(session.scalars(select(Team).order_by(Team.id)))


def _serves(values: list[str], wanted: str | None) -> bool:
    return not values or (wanted is not None and wanted in values)


def team_for_intent(
    session: Session,
    *,
    intent: str | None,
    language: str | None = None,
    channel: str | None = None,
) -> tuple[Team | None, str]:
    """The team for a conversation, with the reason for the timeline.

    Among teams serving the language and channel (an empty list serves all): the one owning the
    intent; else one that names the language (e.g. an English desk); else the default team.
    """
    teams = [
        t
        for t in session.scalars(select(Team).order_by(Team.id))
        if _serves(t.languages, language) and _serves(t.channels, channel)
    ]
    if intent:
        for team in teams:
            if intent in team.intents:
                return team, f"intent {intent}"
    if language:
        for team in teams:
            if language in team.languages:
                return team, f"language {language}"
    default = next((t for t in teams if t.is_default), None)
    if default is None:
        default = session.scalar(select(Team).where(Team.is_default.is_(True)).limit(1))
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
        team, reason = team_for_intent(
            session,
            intent=triage.get("intent") if triage else None,
            language=triage.get("language") if triage else None,
            channel=conversation.channel,
        )
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
    # Arrival: start the SLA clock and give the conversation to a free agent right away.
    after_change(
        session,
        conversation=conversation,
        previous_assignee_id=conversation.assignee_id,
        manual=False,
    )
