"""The triage panel's correction form."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, status
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from gonggam.conversations import repository
from gonggam.corrections.service import CORRECTABLE, choices, correct
from gonggam.deps import PagePrincipal, SessionDep

router = APIRouter(include_in_schema=False)


def correction_context(session: Session) -> dict[str, Any]:
    """The labels the triage panel offers."""
    return {"correction_choices": choices(session)}


@router.post("/conversations/{conversation_id}/triage")
def correct_triage(
    conversation_id: int,
    session: SessionDep,
    principal: PagePrincipal,
    intent: Annotated[str, Form()] = "",
    customer_type: Annotated[str, Form()] = "",
    emotion: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """Store the agent's corrected labels; they update the triage and teach the model."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    sent = {"intent": intent, "customer_type": customer_type, "emotion": emotion}
    correct(
        session,
        conversation=conversation,
        actor=principal,
        changes={k: v for k, v in sent.items() if k in CORRECTABLE and v},
    )
    return RedirectResponse(
        f"/conversations/{conversation_id}", status_code=status.HTTP_303_SEE_OTHER
    )
