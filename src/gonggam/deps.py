"""FastAPI dependencies shared by every domain: database session, who is asking, CSRF."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts import service as accounts
from gonggam.accounts.models import Role
from gonggam.accounts.principal import Principal
from gonggam.accounts.security import same_secret
from gonggam.config import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


class LoginRequired(Exception):
    """Raised by page views; the app turns it into a redirect to the login page."""


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]


def _principal_from_request(
    request: Request, session: Session, settings: Settings
) -> Principal | None:
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return None
        if settings.api_token and same_secret(token, settings.api_token):
            return Principal(
                user_id=None, email="api-token", name="API", role=Role.admin, via="token"
            )
        user = accounts.user_for_token(session, token=token)
        return accounts.principal_for(user, via="token") if user else None
    user_id = request.session.get("user_id")
    if isinstance(user_id, int):
        user = accounts.get(session, user_id=user_id)
        if user is not None and user.is_active:
            return accounts.principal_for(user, via="session")
    return None


async def _check_csrf(request: Request, principal: Principal) -> None:
    """Browser sessions must prove each unsafe request came from our own pages."""
    if principal.via != "session" or request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    expected = request.session.get("csrf")
    if not sent or not isinstance(expected, str) or not same_secret(sent, expected):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or invalid CSRF token")


async def current_principal(
    request: Request, session: SessionDep, settings: SettingsDep
) -> Principal:
    """The authenticated caller of an API route, or 401."""
    principal = _principal_from_request(request, session, settings)
    if principal is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "authentication required: sign in or send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    await _check_csrf(request, principal)
    return principal


async def page_principal(request: Request, session: SessionDep, settings: SettingsDep) -> Principal:
    """The signed-in person for an HTML page; redirects to the login page otherwise."""
    principal = _principal_from_request(request, session, settings)
    if principal is None:
        raise LoginRequired()
    await _check_csrf(request, principal)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
PagePrincipal = Annotated[Principal, Depends(page_principal)]


def require_role(role: Role) -> Callable[[Principal], Principal]:
    """A dependency that lets through only `role` and more powerful roles."""

    def check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(role):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role.value} role")
        return principal

    return check


SupervisorPrincipal = Annotated[Principal, Depends(require_role(Role.supervisor))]
AdminPrincipal = Annotated[Principal, Depends(require_role(Role.admin))]
