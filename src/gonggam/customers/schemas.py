"""Pydantic shapes of the customer merge API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from gonggam.conversations.schemas import CustomerOut


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other_id: int


class MergeOut(BaseModel):
    id: int
    survivor_id: int
    merged_id: int
    actor: str
    reason: str
    moved: dict[str, Any]
    created_at: datetime
    undone_at: datetime | None
    undone_by: str | None


class SuggestionOut(BaseModel):
    customer: CustomerOut
    reasons: list[str]


class SuggestionList(BaseModel):
    items: list[SuggestionOut]


class MergeList(BaseModel):
    items: list[MergeOut]
