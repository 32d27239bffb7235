"""Sign-in and sign-out pages."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gonggam.accounts import service
from gonggam.accounts.security import new_csrf_token, same_secret
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.web.templating import csrf_token, render

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Only same-site paths: `next` must never send a fresh session to another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/inbox"
    return target


def _check_login_origin(request: Request, sent_token: str | None) -> None:
    """Refuse sign-ins posted from other sites.

    The session cookie is SameSite=lax, so a cross-site form post arrives without the session
    that holds the token; the Origin header is what catches it. A token, when sent, must match.
    """
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.url.netloc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "sign-in from another site refused")
    expected = request.session.get("csrf")
    if sent_token and (not isinstance(expected, str) or not same_secret(sent_token, expected)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "missing or invalid CSRF token")


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    """The sign-in form: a plain HTML form with e-mail and password."""
    return render(
        request,
        "accounts/login.html",
        {"next": safe_next(next), "email": "", "error": None},
        principal=None,
    )


@router.post("/login", response_model=None)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token_field: Annotated[str | None, Form(alias="csrf_token")] = None,
    next: Annotated[str | None, Form()] = None,
) -> Response:
    """Check the password; on success start a fresh session with a new CSRF token."""
    _check_login_origin(request, csrf_token_field)
    user = service.authenticate(session, email=email, password=password) if email else None
    if user is None:
        service.audit(session, actor=None, action="login.failed", target=email[:100] or None)
        session.commit()
        csrf_token(request)
        return render(
            request,
            "accounts/login.html",
            {"next": safe_next(next), "email": email, "error": "login.failed"},
            principal=None,
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    # A new session on sign-in, so a token planted before login is worthless afterwards.
    request.session.clear()
    request.session["user_id"] = user.id
    request.session["csrf"] = new_csrf_token()
    principal = service.principal_for(user, via="session")
    service.audit(session, actor=principal, action="login", target=f"user:{user.id}")
    session.commit()
    return RedirectResponse(safe_next(next), status_code=status.HTTP_303_SEE_OTHER)


@router.post("/logout")
def logout(request: Request, principal: PagePrincipal, session: SessionDep) -> RedirectResponse:
    service.audit(session, actor=principal, action="logout", target=f"user:{principal.user_id}")
    session.commit()
    request.session.clear()
    return RedirectResponse("/login", status_code=status.HTTP_303_SEE_OTHER)
