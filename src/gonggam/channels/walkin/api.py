"""`POST /api/v1/conversations/walkin` and the inbox's "새 문의 기록" form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from gonggam.channels.inbound import factory_of
from gonggam.channels.walkin.service import WalkinEntry, record_walkin
from gonggam.channels.webhook.schemas import Accepted
from gonggam.conversations.schemas import MAX_TEXT
from gonggam.deps import CurrentPrincipal, PagePrincipal

router = APIRouter(tags=["conversations"])


class WalkinIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    channel: str = Field(default="walkin", pattern="^(walkin|phone)$")
    name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    text: str = Field(min_length=1, max_length=MAX_TEXT)


@router.post("/api/v1/conversations/walkin", status_code=status.HTTP_201_CREATED)
async def walkin(body: WalkinIn, request: Request, principal: CurrentPrincipal) -> Accepted:
    """An agent records what a walk-in or phone customer said; the entry names the agent."""
    entry = WalkinEntry(**body.model_dump())
    result = await run_in_threadpool(
        lambda: record_walkin(factory_of(request), entry=entry, agent=principal)
    )
    return Accepted(
        conversation_id=result.conversation_id,
        message_id=result.message_id,
        customer_id=result.customer_id,
        duplicate=result.duplicate,
    )


@router.post("/walkin", include_in_schema=False)
async def walkin_form(
    request: Request,
    principal: PagePrincipal,
    text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    channel: Annotated[str, Form()] = "walkin",
    name: Annotated[str, Form(max_length=200)] = "",
    phone: Annotated[str, Form(max_length=40)] = "",
    email: Annotated[str, Form(max_length=254)] = "",
) -> RedirectResponse:
    """The inbox form: on success, open the conversation; a refusal goes back with why."""
    entry = WalkinEntry(
        channel=channel,
        text=text.strip(),
        name=name.strip() or None,
        phone=phone.strip() or None,
        email=email.strip() or None,
    )
    problem = (
        "walkin.text_required"
        if not entry.text
        else "walkin.identity_required"
        if not (entry.phone or entry.email)
        else None
    )
    if problem is None:
        try:
            result = await run_in_threadpool(
                lambda: record_walkin(factory_of(request), entry=entry, agent=principal)
            )
        except HTTPException:
            problem = "walkin.invalid_identity"
    if problem is not None:
        # Back to the inbox with the form open and the reason in the agent's language.
        return RedirectResponse(
            f"/inbox?walkin_error={problem}#walkin", status_code=status.HTTP_303_SEE_OTHER
        )
    return RedirectResponse(
        f"/conversations/{result.conversation_id}", status_code=status.HTTP_303_SEE_OTHER
    )
