"""JSON routes for teams."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from gonggam.accounts import service as accounts
from gonggam.deps import AdminPrincipal, CurrentPrincipal, SessionDep
from gonggam.routing.models import Team

router = APIRouter(prefix="/api/v1/teams", tags=["routing"])


class TeamIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")
    display_name: str = Field(min_length=1, max_length=100)
    intents: list[str] = []
    is_default: bool = False


class TeamOut(BaseModel):
    id: int
    name: str
    display_name: str
    intents: list[str]
    is_default: bool


def team_out(team: Team) -> TeamOut:
    return TeamOut(
        id=team.id,
        name=team.name,
        display_name=team.display_name,
        intents=team.intents,
        is_default=team.is_default,
    )


@router.get("")
def list_teams(session: SessionDep, principal: CurrentPrincipal) -> list[TeamOut]:
    del principal
    return [team_out(t) for t in session.scalars(select(Team).order_by(Team.id))]


@router.post("", status_code=status.HTTP_201_CREATED)
def create_team(body: TeamIn, session: SessionDep, principal: AdminPrincipal) -> TeamOut:
    if session.scalar(select(Team).where(Team.name == body.name)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"team {body.name!r} exists")
    team = Team(**body.model_dump())
    session.add(team)
    session.flush()
    accounts.audit(session, actor=principal, action="team.create", target=f"team:{team.id}")
    session.commit()
    return team_out(team)
