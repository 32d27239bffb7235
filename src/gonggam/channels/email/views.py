"""Downloading a stored e-mail attachment, for people who may see its conversation."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import FileResponse

from gonggam.config import Settings
from gonggam.conversations.models import Message
from gonggam.conversations.repository import access_conversation_by_id
from gonggam.deps import PagePrincipal, SessionDep

router = APIRouter(include_in_schema=False)


@router.get("/messages/{message_id}/attachments/{index}")
def download_attachment(
    message_id: int, index: int, request: Request, session: SessionDep, principal: PagePrincipal
) -> FileResponse:
    """The file as a download (never shown inline: a customer's file may be hostile HTML)."""
    message = session.get(Message, message_id)
    if message is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such message")
    access_conversation_by_id(session, principal=principal, conversation_id=message.conversation_id)
    if not 0 <= index < len(message.attachments):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such attachment")
    entry = message.attachments[index]
    stored_name = entry.get("stored_name")
    if not isinstance(stored_name, str):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "this attachment was not kept (too large)")
    settings: Settings = request.app.state.settings
    folder = Path(settings.attachments_dir).resolve()
    path = (folder / stored_name).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "the attachment file is missing")
    return FileResponse(
        path,
        media_type="application/octet-stream",
        filename=str(entry.get("filename") or path.name),
        headers={"X-Content-Type-Options": "nosniff"},
    )
