"""The conversation page's "ask to update the review" button."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import RedirectResponse

from gonggam.channels.social import service
from gonggam.conversations import repository
from gonggam.deps import PagePrincipal, SessionDep

router = APIRouter(include_in_schema=False)


@router.post("/conversations/{conversation_id}/review-request")
def review_request(
    conversation_id: int, session: SessionDep, principal: PagePrincipal
) -> RedirectResponse:
    """Send the polite review-update request once; a second press changes nothing."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    try:
        service.ask_review_update(session, conversation=conversation, actor=principal)
    except HTTPException:
        session.rollback()  # already asked or not resolved: the page shows the state
    return RedirectResponse(
        f"/conversations/{conversation_id}", status_code=status.HTTP_303_SEE_OTHER
    )
