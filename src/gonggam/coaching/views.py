"""Coaching in the agent's pages: the composer's live panel, drafts, and the admin screen.

The composer posts the text being written to `/conversations/{id}/coach` (debounced) and
shows the returned fragment; the same service serves the JSON API. Drafting works without
JavaScript: the page comes back with the draft in the composer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from gonggam.accounts.models import Role
from gonggam.accounts.principal import Principal
from gonggam.coach import CoachResult
from gonggam.coaching import lexicon, playbooks, service
from gonggam.conversations import repository
from gonggam.conversations.models import Conversation
from gonggam.conversations.schemas import MAX_TEXT
from gonggam.deps import PagePrincipal, SessionDep, SettingsDep
from gonggam.web.templating import render

router = APIRouter(include_in_schema=False)


def panel_context(
    result: CoachResult, context: service.Context, confirm_below: int
) -> dict[str, Any]:
    """What `coaching/_panel.html` shows for one coaching result."""
    band = "good" if result.score >= 80 else "fair" if result.score >= confirm_below else "poor"
    return {
        "coaching": result,
        "inserts": service.insertions(result, context),
        "band": band,
        "cliche_spans": [[s, e] for s, e, _ in result.cliches],
        "confirm_below": confirm_below,
    }


def side_playbook(session: Session, conversation: Conversation) -> dict[str, Any] | None:
    """The playbook shown beside a conversation whose customer triage found difficult."""
    kind = (conversation.triage or {}).get("customer_type")
    if kind not in playbooks.SHOWN_FOR:
        return None
    return {lang: playbooks.playbook(session, kind, lang) for lang in playbooks.LANGUAGES}


def low_score_check(
    session: Session,
    conversation: Conversation,
    principal: Principal,
    text: str,
    confirm_below: int,
) -> dict[str, Any] | None:
    """The confirmation step's page context when a reply scores under the threshold."""
    result, context = service.coach(session, conversation, principal, text)
    if result.score >= confirm_below:
        return None
    return {"coach_confirm": True, **panel_context(result, context, confirm_below)}


@router.post("/conversations/{conversation_id}/coach")
def coach_panel(
    conversation_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    settings: SettingsDep,
    text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    mode: Annotated[str, Form()] = "reply",
) -> HTMLResponse:
    """The composer's coaching panel for the text being written (empty for notes)."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    if mode == "note" or not text.strip():
        return HTMLResponse("")
    result, context = service.coach(session, conversation, principal, text)
    return render(
        request,
        "coaching/_panel.html",
        panel_context(result, context, settings.coach_confirm_below),
        principal=principal,
    )


@router.post("/conversations/{conversation_id}/draft")
def draft_page(
    conversation_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    settings: SettingsDep,
) -> HTMLResponse:
    """The conversation page with a coached draft in the composer (works without JavaScript)."""
    from gonggam.conversations.views import render_conversation

    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    written, result, context = service.draft(
        session, conversation, principal, service.llm_settings(settings)
    )
    extra = panel_context(result, context, settings.coach_confirm_below)
    return render_conversation(
        request,
        session,
        principal,
        conversation,
        form={"text": written.text, "mode": "reply"},
        extra=extra,
    )


def _admin(principal: Principal) -> None:
    if not principal.has_role(Role.admin):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this needs the admin role")


def _back() -> RedirectResponse:
    return RedirectResponse("/admin/coaching", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/admin/coaching")
def admin_page(request: Request, session: SessionDep, principal: PagePrincipal) -> HTMLResponse:
    """Admins edit the playbooks and the boilerplate phrases the coach flags."""
    _admin(principal)
    return _admin_page(request, session, principal)


def _admin_page(
    request: Request,
    session: Session,
    principal: Principal,
    *,
    error: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The coaching settings page; `error` says what could not be saved, beside its form."""
    return render(
        request,
        "coaching/admin.html",
        {
            "books": {lang: playbooks.all_playbooks(session, lang) for lang in playbooks.LANGUAGES},
            "types": playbooks.CUSTOMER_TYPES,
            "phrases": lexicon.list_phrases(session),
            "error": error or {},
            "max_phrase": lexicon.MAX_PHRASE,
            "max_steps": playbooks.MAX_STEPS,
            "max_step_chars": playbooks.MAX_STEP_CHARS,
        },
        principal=principal,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT if error else status.HTTP_200_OK,
    )


@router.post("/admin/coaching/playbooks/{customer_type}", response_model=None)
def admin_playbook(
    customer_type: str,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    language: Annotated[str, Form()] = "ko",
    steps: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    reset: Annotated[str, Form()] = "",
) -> Response:
    """Save a playbook (one step per line), or go back to the default."""
    _admin(principal)
    if reset:
        playbooks.reset_playbook(
            session, actor=principal, customer_type=customer_type, language=language
        )
        return _back()
    problem = playbooks.steps_problem(steps.splitlines())
    if problem and customer_type in playbooks.CUSTOMER_TYPES:
        error = {
            "form": f"{customer_type}/{language}",
            "key": f"coach.error.steps_{problem}",
            "value": steps,
        }
        return _admin_page(request, session, principal, error=error)
    playbooks.set_playbook(
        session,
        actor=principal,
        customer_type=customer_type,
        language=language,
        steps=steps.splitlines(),
    )
    return _back()


@router.post("/admin/coaching/phrases", response_model=None)
def admin_add_phrase(
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    phrase: Annotated[str, Form(max_length=MAX_TEXT)] = "",
) -> Response:
    """Add a boilerplate phrase; one the coach cannot use comes back with the reason."""
    _admin(principal)
    problem = lexicon.phrase_problem(phrase)
    if problem:
        error = {"form": "phrase", "key": f"coach.error.phrase_{problem}", "value": phrase}
        return _admin_page(request, session, principal, error=error)
    lexicon.add_phrase(session, actor=principal, phrase=phrase)
    return _back()


@router.post("/admin/coaching/phrases/{phrase_id}/delete", response_model=None)
def admin_remove_phrase(phrase_id: int, session: SessionDep, principal: PagePrincipal) -> Response:
    _admin(principal)
    lexicon.remove_phrase(session, actor=principal, phrase_id=phrase_id)
    return _back()
