"""Channel and outbox shapes of the JSON API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


def _http_url(value: str | None) -> str | None:
    """Outbound URLs are http(s); where they point is checked again at every send."""
    if value is not None and not value.startswith(("http://", "https://")):
        raise ValueError("outbound_url must start with http:// or https://")
    return value


class ChannelIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")
    kind: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
    display_name: str = Field(min_length=1, max_length=100)
    # Generated when not given; returned once on creation.
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    outbound_url: str | None = Field(default=None, max_length=500)
    allow_private_outbound: bool = False
    settings: dict[str, Any] = {}

    _outbound = field_validator("outbound_url")(_http_url)


class ChannelUpdate(BaseModel):
    """Fields an admin may change on an existing channel; absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    display_name: str | None = Field(default=None, min_length=1, max_length=100)
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    outbound_url: str | None = Field(default=None, max_length=500)
    allow_private_outbound: bool | None = None
    settings: dict[str, Any] | None = None
    is_active: bool | None = None

    _outbound = field_validator("outbound_url")(_http_url)


class ChannelOut(BaseModel):
    id: int
    name: str
    kind: str
    display_name: str
    outbound_url: str | None
    allow_private_outbound: bool
    is_active: bool


class ChannelCreated(ChannelOut):
    secret: str | None


class DeliveryOut(BaseModel):
    id: int
    message_id: int
    conversation_id: int
    channel: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    provider_id: str | None
    created_at: datetime
    sent_at: datetime | None


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
