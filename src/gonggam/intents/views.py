"""The admins' page for the organisation's own intents (plain forms, 303 back)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from gonggam.accounts.models import Role
from gonggam.accounts.principal import Principal
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.intents import service
from gonggam.routing.service import list_teams
from gonggam.triage.intent import INTENTS
from gonggam.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE = "/admin/intents"
# Cue phrases in a form: one per line, or separated by commas.
_CUE_SEPARATOR = re.compile(r"[\n,]")


def _admin(principal: Principal) -> None:
    if not principal.has_role(Role.admin):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this needs the admin role")


def _page(
    request: Request,
    session: Session,
    principal: Principal,
    *,
    error: str | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    teams = list_teams(session)
    return render(
        request,
        "intents/admin.html",
        {
            "intents": service.list_intents(session),
            "intent_teams": {t.id: t.display_name for t in teams},
            "teams": teams,
            "builtin": INTENTS,
            "error": error,
            "form": form or {},
        },
        principal=principal,
        status_code=status_code,
    )


@router.get(PAGE)
def intents_page(request: Request, session: SessionDep, principal: PagePrincipal) -> HTMLResponse:
    """Admins see and add the organisation's own intents."""
    _admin(principal)
    return _page(request, session, principal)


@router.post(PAGE, response_model=None)
def add_intent(
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    name: Annotated[str, Form(max_length=40)] = "",
    label_ko: Annotated[str, Form(max_length=60)] = "",
    label_en: Annotated[str, Form(max_length=60)] = "",
    cues_ko: Annotated[str, Form(max_length=4000)] = "",
    cues_en: Annotated[str, Form(max_length=4000)] = "",
    team: Annotated[str, Form(max_length=60)] = "",
) -> Response:
    """Add an intent; a refusal comes back on the page with the form as it was."""
    _admin(principal)
    form = {
        "name": name,
        "label_ko": label_ko,
        "label_en": label_en,
        "cues_ko": cues_ko,
        "cues_en": cues_en,
        "team": team,
    }
    try:
        service.create_intent(
            session,
            actor=principal,
            name=name,
            label_ko=label_ko,
            label_en=label_en,
            cues_ko=_CUE_SEPARATOR.split(cues_ko),
            cues_en=_CUE_SEPARATOR.split(cues_en),
            team=team or None,
        )
    except HTTPException as error:
        session.rollback()
        return _page(
            request,
            session,
            principal,
            error=str(error.detail),
            form=form,
            status_code=error.status_code,
        )
    return RedirectResponse(PAGE, status_code=status.HTTP_303_SEE_OTHER)


@router.post(PAGE + "/{name}/delete", response_model=None)
def remove_intent(name: str, session: SessionDep, principal: PagePrincipal) -> Response:
    _admin(principal)
    service.delete_intent(session, actor=principal, name=name)
    return RedirectResponse(PAGE, status_code=status.HTTP_303_SEE_OTHER)
