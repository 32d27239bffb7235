"""JSON routes for users and API tokens. Managing people is for admins."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from gonggam.accounts import service
from gonggam.accounts.models import User
from gonggam.accounts.schemas import Me, TokenIn, TokenOut, UserIn, UserOut
from gonggam.conversations.service import find_team
from gonggam.deps import AdminPrincipal, CurrentPrincipal, SessionDep

router = APIRouter(prefix="/api/v1", tags=["accounts"])


def user_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        team=user.team.name if user.team else None,
        is_active=user.is_active,
    )


@router.get("/me")
def me(principal: CurrentPrincipal) -> Me:
    return Me(
        email=principal.email, name=principal.name, role=principal.role.value, via=principal.via
    )


@router.get("/users")
def list_users(session: SessionDep, principal: AdminPrincipal) -> list[UserOut]:
    del principal
    return [user_out(u) for u in service.list_users(session)]


@router.post("/users", status_code=status.HTTP_201_CREATED)
def create_user(body: UserIn, session: SessionDep, principal: AdminPrincipal) -> UserOut:
    if service.get_by_email(session, email=body.email) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"{body.email} already has an account")
    team = find_team(session, name=body.team) if body.team else None
    user = service.create(
        session,
        email=body.email,
        name=body.name,
        role=body.role,
        password=body.password,
        team_id=team.id if team else None,
        actor=principal,
    )
    return user_out(user)


@router.post("/users/{user_id}/tokens", status_code=status.HTTP_201_CREATED)
def issue_token(
    user_id: int, body: TokenIn, session: SessionDep, principal: AdminPrincipal
) -> TokenOut:
    user = service.get(session, user_id=user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"user {user_id} not found")
    return TokenOut(token=service.issue_token(session, user=user, name=body.name, actor=principal))
