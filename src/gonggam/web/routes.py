"""Mounts every domain's page routes and the static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Add the web UI: sign-in, inbox and conversation pages, live updates, static files."""
    from gonggam.accounts.views import router as accounts_pages
    from gonggam.channels.chat.api import router as chat_socket
    from gonggam.channels.chat.views import router as chat_pages
    from gonggam.channels.email.views import router as email_pages
    from gonggam.channels.views import router as channel_pages
    from gonggam.coaching.views import router as coaching_pages
    from gonggam.conversations.views import router as conversation_pages
    from gonggam.corrections.views import router as correction_pages
    from gonggam.customers.views import router as customer_pages
    from gonggam.flags.views import router as flag_pages
    from gonggam.intents.views import router as intent_pages
    from gonggam.live.views import router as live_stream
    from gonggam.protection.views import router as protection_pages
    from gonggam.routing.views import router as routing_pages

    for router in (
        accounts_pages,
        channel_pages,
        chat_pages,
        chat_socket,
        coaching_pages,
        conversation_pages,
        correction_pages,
        customer_pages,
        email_pages,
        flag_pages,
        intent_pages,
        live_stream,
        protection_pages,
        routing_pages,
    ):
        app.include_router(router)
    STATIC.mkdir(exist_ok=True)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
