"""Mounts every domain's page routes and the static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Add the web UI: sign-in, inbox and conversation pages, live updates, static files."""
    from gonggam.accounts.views import router as accounts_pages
    from gonggam.conversations.views import router as conversation_pages
    from gonggam.live.views import router as live_stream

    for router in (accounts_pages, conversation_pages, live_stream):
        app.include_router(router)
    STATIC.mkdir(exist_ok=True)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
