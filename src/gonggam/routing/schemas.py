"""Pydantic shapes of the routing API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from gonggam.routing.models import Presence


class TeamIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")
    display_name: str = Field(min_length=1, max_length=100)
    intents: list[str] = []
    languages: list[str] = []
    channels: list[str] = []
    is_default: bool = False


class TeamOut(BaseModel):
    id: int
    name: str
    display_name: str
    intents: list[str]
    languages: list[str]
    channels: list[str]
    is_default: bool


class AgentOut(BaseModel):
    id: int
    email: str
    name: str
    team: str | None
    presence: Presence
    skills: list[str]
    chat_capacity: int
    email_capacity: int
    live_load: int
    email_load: int


class PresenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    presence: Presence


class ProfileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    skills: list[str] | None = Field(default=None, max_length=50)
    chat_capacity: int | None = Field(default=None, ge=0, le=50)
    email_capacity: int | None = Field(default=None, ge=0, le=50)


class QueueOut(BaseModel):
    name: str
    display_name: str
    waiting: int
    agents_available: int
    estimated_wait_seconds: int | None


class QueuesOut(BaseModel):
    items: list[QueueOut]


class WaitOut(BaseModel):
    position: int | None
    estimated_wait_seconds: int | None
    announcement: str


class CallbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    phone: str = Field(min_length=3, max_length=40)


class CallbackOut(BaseModel):
    id: int
    conversation_id: int
    phone: str
    status: str


class TransferReportOut(BaseModel):
    conversations: int
    transferred_conversations: int
    transfers: int
    repeated: int
    transfer_rate: float
    by_reason: dict[str, int]
    by_team: dict[str, int]


class AccuracyOut(BaseModel):
    announced: int
    served: int
    abandoned: int
    callbacks: int
    mean_announced_seconds: float | None
    mean_actual_seconds: float | None
    mean_absolute_error_seconds: float | None


class AlertOut(BaseModel):
    id: int
    conversation_id: int
    kind: str
    detail: str
    created_at: str
    acknowledged_at: str | None = None


class WaitingCallbackOut(CallbackOut):
    """A callback in a team's list: the number masked, when it was asked for."""

    requested_at: str
    done_at: str | None
    customer: str | None


class SlaPolicyIn(BaseModel):
    """An SLA policy; `priority`/`channel` None means any. Minutes are business minutes
    (09–18 KST on working days) unless `business_hours` is false (around the clock)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100)
    priority: int | None = Field(default=None, ge=0, le=3)
    channel: str | None = Field(default=None, min_length=1, max_length=40)
    first_response_minutes: int = Field(ge=1, le=60 * 24 * 30)
    resolution_minutes: int = Field(ge=1, le=60 * 24 * 90)
    business_hours: bool = True


class SlaPolicyOut(SlaPolicyIn):
    id: int
