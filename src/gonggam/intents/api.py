"""`/api/v1/intents`: admins list, add and remove the organisation's own intents."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from gonggam.deps import AdminPrincipal, SessionDep
from gonggam.intents import service
from gonggam.intents.models import CustomIntent
from gonggam.intents.schemas import IntentIn, IntentOut

router = APIRouter(prefix="/api/v1", tags=["intents"])


def _out(intent: CustomIntent, teams: dict[int, str]) -> IntentOut:
    return IntentOut(
        name=intent.name,
        label_ko=intent.label_ko,
        label_en=intent.label_en,
        cues_ko=list(intent.cues_ko),
        cues_en=list(intent.cues_en),
        team=teams.get(intent.team_id) if intent.team_id is not None else None,
        created_by=intent.created_by,
        created_at=intent.created_at.isoformat(),
    )


@router.get("/intents")
def list_intents(session: SessionDep, principal: AdminPrincipal) -> list[IntentOut]:
    """The organisation's own intents (the ten built-in ones are not listed)."""
    del principal
    rows = service.list_intents(session)
    teams = service.team_names(session, rows)
    return [_out(r, teams) for r in rows]


@router.post("/intents", status_code=status.HTTP_201_CREATED)
def create_intent(body: IntentIn, session: SessionDep, principal: AdminPrincipal) -> IntentOut:
    """Add an intent; triage detects it from its cue phrases, routing sends it to its team."""
    intent = service.create_intent(
        session,
        actor=principal,
        name=body.name,
        label_ko=body.label_ko,
        label_en=body.label_en,
        cues_ko=body.cues_ko,
        cues_en=body.cues_en,
        team=body.team,
    )
    return _out(intent, service.team_names(session, [intent]))


@router.delete("/intents/{name}", status_code=status.HTTP_204_NO_CONTENT)
def delete_intent(name: str, session: SessionDep, principal: AdminPrincipal) -> Response:
    """Remove an intent; conversations already labelled with it keep the label."""
    service.delete_intent(session, actor=principal, name=name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
