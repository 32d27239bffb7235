"""What every signed channel webhook does first: find the channel, check the signature, parse."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from gonggam.channels.models import Channel
from gonggam.channels.signing import SIGNATURE_HEADER, signature_problem
from gonggam.channels.webhook.origin import channel_by_ref
from gonggam.conversations.pipeline import InboundMessage, IngestResult, ingest
from gonggam.customers.identity import InvalidIdentity

Body = TypeVar("Body", bound=BaseModel)


def factory_of(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    return factory


def _active_channel(factory: sessionmaker[Session], ref: str) -> Channel:
    with factory() as session:
        channel = channel_by_ref(session, ref)
        if channel is None or not channel.is_active:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no active channel {ref!r}")
        session.expunge(channel)
        return channel


async def signed_request(
    request: Request, ref: str, model: type[Body], *, accepts: Callable[[str], bool]
) -> tuple[Channel, Body]:
    """The channel and the validated body of a signed webhook, or the clear 4xx.

    404 unknown or inactive channel · 409 a channel of another kind (e.g. a voice channel on
    the messaging webhook) · 401 missing or wrong signature (nothing is stored) ·
    400 invalid UTF-8 or malformed JSON · 422 a well-formed body with wrong fields.
    """
    channel = await run_in_threadpool(_active_channel, factory_of(request), ref)
    if not accepts(channel.kind):
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"channel {channel.name!r} is a {channel.kind} channel; it does not take this request",
        )
    raw = await request.body()
    problem = signature_problem(channel.secret, raw, request.headers.get(SIGNATURE_HEADER))
    if problem:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, problem)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, f"request body is not valid UTF-8 (byte {error.start})"
        ) from error
    try:
        return channel, model.model_validate_json(raw)
    except ValidationError as error:
        # The app's handler turns these into 400 (malformed JSON) or a readable 422.
        raise RequestValidationError(error.errors(include_url=False)) from error


async def ingest_from(request: Request, inbound: InboundMessage) -> IngestResult:
    """Store the message (committed before this returns), or 422 for a bad phone number."""
    try:
        return await run_in_threadpool(ingest, factory_of(request), inbound)
    except InvalidIdentity as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
