"""Settings, read from GONGGAM_* environment variables."""

from __future__ import annotations

import secrets
from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can configure. Defaults run a single-machine SQLite desk."""

    model_config = SettingsConfigDict(env_prefix="GONGGAM_", extra="ignore")

    database_url: str = "sqlite:///var/gonggam.sqlite3"
    # Signs session cookies. Set it for anything but the demo, or sessions end on restart
    # and several app processes will not accept each other's cookies.
    secret_key: str = Field(default_factory=lambda: secrets.token_urlsafe(32))
    # When set, accepted as an admin bearer token (scripts, checks, integrations).
    api_token: str | None = None
    redis_url: str | None = None
    demo_password: str | None = None
    default_locale: str = "ko"
    # Bodies larger than this are refused with 413 before they are read into memory.
    max_body_bytes: int = 1_000_000
    # Seconds between polls of the event log by a live-update stream.
    live_poll_seconds: float = 1.0
    secure_cookies: bool = False


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
