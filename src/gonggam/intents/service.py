"""Adding and removing an organisation's own intents; each change is audited."""

from __future__ import annotations

import re
from collections.abc import Iterable

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.accounts.service import audit
from gonggam.intents.models import CustomIntent
from gonggam.kit.clock import utcnow
from gonggam.routing.models import Team
from gonggam.triage.intent import INTENTS

SLUG = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
MAX_CUES = 50
MAX_CUE_LENGTH = 60


def list_intents(session: Session) -> list[CustomIntent]:
    """The organisation's intents, oldest first."""
    return list(session.scalars(select(CustomIntent).order_by(CustomIntent.id)))


def team_names(session: Session, intents: Iterable[CustomIntent]) -> dict[int, str]:
    """Team id → team name for the teams owning `intents`."""
    ids = {i.team_id for i in intents if i.team_id is not None}
    if not ids:
        return {}
    return {t.id: t.name for t in session.scalars(select(Team).where(Team.id.in_(ids)))}


def clean_cues(cues: Iterable[str]) -> list[str]:
    """Cue phrases trimmed, blank and repeated ones dropped, order kept."""
    seen: dict[str, None] = {}
    for cue in cues:
        phrase = " ".join(cue.split())
        if phrase and phrase.lower() not in {s.lower() for s in seen}:
            seen[phrase] = None
    return list(seen)


def _refuse(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail)


def create_intent(
    session: Session,
    *,
    actor: Principal,
    name: str,
    label_ko: str,
    label_en: str,
    cues_ko: Iterable[str],
    cues_en: Iterable[str],
    team: str | None = None,
) -> CustomIntent:
    """Add an intent; with `team`, that team owns it, so routing sends its conversations there."""
    name = name.strip()
    if not SLUG.match(name):
        raise _refuse("the name must be 2-40 lower-case letters, digits or _, starting a-z")
    if name in INTENTS:
        raise HTTPException(status.HTTP_409_CONFLICT, f"{name!r} is a built-in intent")
    if session.scalar(select(CustomIntent.id).where(CustomIntent.name == name)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"intent {name!r} exists already")
    korean, english = clean_cues(cues_ko), clean_cues(cues_en)
    if not korean and not english:
        raise _refuse("give at least one cue phrase")
    if len(korean) + len(english) > MAX_CUES or any(
        len(c) > MAX_CUE_LENGTH for c in [*korean, *english]
    ):
        raise _refuse(f"at most {MAX_CUES} cue phrases of {MAX_CUE_LENGTH} characters")
    label_ko, label_en = label_ko.strip(), label_en.strip()
    if not label_ko or len(label_ko) > 60 or len(label_en) > 60:
        raise _refuse("a Korean label (up to 60 characters) is required")
    owner: Team | None = None
    if team:
        owner = session.scalar(select(Team).where(Team.name == team))
        if owner is None:
            raise _refuse(f"no team {team!r}")
        # A new list, so the JSON column sees the change.
        owner.intents = [*owner.intents, name]
    now = utcnow()
    intent = CustomIntent(
        name=name,
        label_ko=label_ko,
        label_en=label_en or label_ko,
        cues_ko=korean,
        cues_en=english,
        team_id=owner.id if owner else None,
        created_by=actor.label,
        created_at=now,
        updated_at=now,
    )
    session.add(intent)
    audit(session, actor=actor, action="intent.create", target=f"intent:{name}", team=team)
    session.commit()
    return intent


def delete_intent(session: Session, *, actor: Principal, name: str) -> None:
    """Remove an intent and take it off every team; conversations keep the label they had."""
    intent = session.scalar(select(CustomIntent).where(CustomIntent.name == name))
    if intent is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no intent {name!r}")
    for team in session.scalars(select(Team)):
        if name in team.intents:
            team.intents = [i for i in team.intents if i != name]
    session.delete(intent)
    audit(session, actor=actor, action="intent.delete", target=f"intent:{name}")
    session.commit()
