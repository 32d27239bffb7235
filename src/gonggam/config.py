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
    # Secret of the demo's `demo-sms` webhook channel; generated and printed when unset.
    demo_webhook_secret: str | None = None
    default_locale: str = "ko"
    # Bodies larger than this are refused with 413 before they are read into memory.
    max_body_bytes: int = 1_000_000
    # Seconds between polls of the event log by a live-update stream.
    live_poll_seconds: float = 1.0
    secure_cookies: bool = False
    # Run background passes (outbox, retriage, …) in the app process; off when a separate
    # `gonggam worker` runs them.
    background_jobs: bool = True
    # Optional OpenAI-compatible model for reply drafts (off unless url and model are set).
    llm_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_seconds: float = 10.0
    # A reply scoring under this asks the agent to confirm before it is sent.
    coach_confirm_below: int = 60

    # E-mail in (SMTP receiver) and out (SMTP relay); see channels/email.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 30.0
    mail_from: str = "고객센터 <support@gonggam.localhost>"
    # Attachments of inbound e-mail are written here under generated names.
    attachments_dir: str = "var/attachments"
    email_max_attachment_bytes: int = 10_000_000
    email_max_message_bytes: int = 25_000_000
    # A short automatic acknowledgement for the first e-mail of a conversation, at most this
    # many per sender address per hour (0 turns it off).
    email_acknowledgements_per_hour: int = 2
    # IMAP polling (off until a host is set): new mail in the mailbox is fetched by UID.
    imap_host: str | None = None
    imap_port: int = 993
    imap_ssl: bool = True
    imap_user: str | None = None
    imap_password: str | None = None
    imap_mailbox: str = "INBOX"
    # Verifies host sites' signed widget identities (HMAC-SHA256); unset refuses them all.
    widget_secret: str | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
