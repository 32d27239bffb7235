"""JSON shapes of the coaching API."""

from __future__ import annotations

from pydantic import BaseModel, Field

from gonggam.conversations.schemas import MAX_TEXT


class CoachIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT)


class RuleOut(BaseModel):
    id: str
    status: str
    evidence: str
    suggestion: str
    # A sentence for this customer that makes the rule pass, when adding one can.
    insert: str | None = None


class CoachOut(BaseModel):
    """The `gonggam coach` result, plus the situation used and what the composer needs."""

    score: int
    rules: list[RuleOut]
    cliches: list[tuple[int, int, str]]
    situation: str
    confirm_below: int


class DraftOut(BaseModel):
    text: str
    source: str  # "llm" or "builtin"
    coaching: CoachOut


class PlaybookOut(BaseModel):
    customer_type: str
    language: str
    steps: list[str]
    principles: list[str]
    edited: bool


class PlaybookIn(BaseModel):
    steps: list[str] = Field(max_length=10)
    language: str = "ko"


class PhraseIn(BaseModel):
    phrase: str = Field(min_length=1, max_length=200)


class PhraseOut(BaseModel):
    id: int
    phrase: str


class CoachingRowOut(BaseModel):
    key: str
    name: str
    replies: int
    average_score: float
    cliche_rate: float
    low_score_sent: int


class CoachingReportOut(BaseModel):
    overall: CoachingRowOut
    agents: list[CoachingRowOut]
    teams: list[CoachingRowOut]
