"""JSON routes for channel configuration and the outbox (admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from gonggam.channels import service
from gonggam.channels.models import Channel, DeliveryStatus
from gonggam.channels.schemas import (
    ChannelCreated,
    ChannelIn,
    ChannelOut,
    ChannelUpdate,
    DeliveryOut,
    DeliveryPage,
)
from gonggam.deps import AdminPrincipal, SessionDep

router = APIRouter(prefix="/api/v1", tags=["channels"])


def channel_out(channel: Channel) -> ChannelOut:
    return ChannelOut.model_validate(channel, from_attributes=True)


@router.get("/channels")
def list_channels(session: SessionDep, principal: AdminPrincipal) -> list[ChannelOut]:
    """Configured channels (secrets are never listed)."""
    del principal
    return [channel_out(c) for c in service.list_channels(session)]


@router.post("/channels", status_code=status.HTTP_201_CREATED)
def create_channel(
    body: ChannelIn, session: SessionDep, principal: AdminPrincipal
) -> ChannelCreated:
    """Add a channel; the answer carries its webhook secret, shown this once."""
    channel = service.create(session, channel_in=body, actor=principal)
    return ChannelCreated(**channel_out(channel).model_dump(), secret=channel.secret)


@router.patch("/channels/{channel_ref}")
def update_channel(
    channel_ref: str, body: ChannelUpdate, session: SessionDep, principal: AdminPrincipal
) -> ChannelOut:
    """Change a channel by name or id: outbound URL, private outbound, secret, settings, active."""
    from gonggam.channels.webhook.origin import channel_by_ref

    channel = channel_by_ref(session, channel_ref)
    if channel is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no channel {channel_ref!r}")
    return channel_out(service.update(session, channel=channel, changes=body, actor=principal))


@router.get("/outbox")
def outbox(
    session: SessionDep,
    principal: AdminPrincipal,
    status_filter: Annotated[DeliveryStatus | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DeliveryPage:
    """Replies on their way out: queued (with the next attempt), sent, failed (with why)."""
    del principal
    rows = service.list_deliveries(
        session, status_filter=status_filter.value if status_filter else None, limit=limit
    )
    return DeliveryPage(items=[DeliveryOut.model_validate(r, from_attributes=True) for r in rows])
