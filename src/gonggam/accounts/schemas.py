"""Pydantic shapes of the accounts API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from gonggam.accounts.models import Role


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", max_length=254)
    name: str = Field(min_length=1, max_length=100)
    role: Role = Role.agent
    password: str | None = Field(default=None, min_length=10, max_length=200)
    team: str | None = None


class UserOut(BaseModel):
    id: int
    email: str
    name: str
    role: str
    team: str | None
    is_active: bool


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)


class TokenOut(BaseModel):
    token: str = Field(description="shown once; only its hash is stored")


class Me(BaseModel):
    email: str
    name: str
    role: str
    via: str
