"""Callback pages: the conversation's callback card, the team's list, revealing and done."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.conversations import repository
from gonggam.conversations.models import Conversation
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.routing import callbacks

router = APIRouter(include_in_schema=False)


def conversation_callbacks(session: Session, conversation: Conversation) -> dict[str, Any]:
    """The side panel's callback card: this conversation's callbacks, newest first."""
    return {
        "callbacks": callbacks.callbacks_of(session, conversation_id=conversation.id),
        "masked_phone": callbacks.masked_phone,
    }


def team_callbacks(session: Session, principal: Principal) -> dict[str, Any]:
    """The open callbacks a person works (their team's; every team's for supervisors)."""
    return {
        "team_callbacks": callbacks.callbacks_for(session, principal),
        "masked_phone": callbacks.masked_phone,
    }


def _safe_next(value: str, fallback: str) -> str:
    return value if value.startswith("/") and not value.startswith("//") else fallback


@router.post("/callbacks/{callback_id}/done")
def callback_done(
    callback_id: int,
    session: SessionDep,
    principal: PagePrincipal,
    next_url: Annotated[str, Form(alias="next")] = "",
) -> RedirectResponse:
    """The agent called the customer back."""
    callback = callbacks.get_callback(session, callback_id=callback_id)
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=callback.conversation_id
    )
    callbacks.complete_callback(
        session, callback=callback, conversation=conversation, actor=principal
    )
    back = _safe_next(next_url, f"/conversations/{conversation.id}")
    return RedirectResponse(back, status_code=status.HTTP_303_SEE_OTHER)


@router.post("/callbacks/{callback_id}/reveal", response_model=None)
def reveal_callback(
    callback_id: int, request: Request, session: SessionDep, principal: PagePrincipal
) -> Response:
    """Show the callback number in full on the conversation page; the reveal is audited."""
    from gonggam.conversations.views import render_conversation

    callback = callbacks.get_callback(session, callback_id=callback_id)
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=callback.conversation_id
    )
    phone = callbacks.reveal_phone(session, callback=callback, actor=principal)
    page: HTMLResponse = render_conversation(
        request,
        session,
        principal,
        conversation,
        extra={"revealed_callbacks": {callback.id: phone}},
    )
    return page
