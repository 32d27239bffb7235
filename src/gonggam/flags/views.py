"""Flag chips for the inbox and the conversation page, and marking a public complaint."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, status
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from gonggam.conversations import repository
from gonggam.conversations.models import Conversation
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.flags.service import flags_of, mark_public
from gonggam.protection.service import open_alerts

router = APIRouter(include_in_schema=False)


def inbox_flags(session: Session, rows: list[Conversation]) -> dict[int, list[str]]:
    """Conversation id → its flags, for every inbox row."""
    alerted = open_alerts(session, conversation_ids=[c.id for c in rows])
    return {c.id: flags_of(c, alert_open=c.id in alerted) for c in rows}


def conversation_flags(session: Session, conversation: Conversation) -> dict[str, Any]:
    return {"flags": inbox_flags(session, [conversation])[conversation.id]}


@router.post("/conversations/{conversation_id}/public")
def public_complaint(
    conversation_id: int, session: SessionDep, principal: PagePrincipal
) -> RedirectResponse:
    """Mark a conversation as a public complaint; it is flagged and ranks higher."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    mark_public(session, conversation=conversation, actor=principal)
    return RedirectResponse(
        f"/conversations/{conversation_id}", status_code=status.HTTP_303_SEE_OTHER
    )
