"""JSON shapes of an organisation's intents."""

from __future__ import annotations

from pydantic import BaseModel, Field


class IntentIn(BaseModel):
    name: str = Field(max_length=40, description="slug, e.g. membership_points")
    label_ko: str = Field(max_length=60)
    label_en: str = Field(default="", max_length=60)
    cues_ko: list[str] = Field(default_factory=list, max_length=50)
    cues_en: list[str] = Field(default_factory=list, max_length=50)
    team: str | None = Field(default=None, description="the team that owns the intent")


class IntentOut(BaseModel):
    name: str
    label_ko: str
    label_en: str
    cues_ko: list[str]
    cues_en: list[str]
    team: str | None
    created_by: str
    created_at: str
