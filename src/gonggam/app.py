"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker
from starlette.middleware.sessions import SessionMiddleware

from gonggam.accounts.api import router as accounts_api
from gonggam.channels.api import router as channels_api
from gonggam.channels.routes import ADAPTER_ROUTERS
from gonggam.coaching.api import router as coaching_api
from gonggam.config import Settings, get_settings
from gonggam.conversations.api import router as conversations_api
from gonggam.customers.api import router as customers_api
from gonggam.db import engine_for, session_factory
from gonggam.deps import CurrentPrincipal, LoginRequired, SupervisorPrincipal
from gonggam.intents.api import router as intents_api
from gonggam.jobs.inprocess import BackgroundPasses
from gonggam.kit.limits import BodyGuard
from gonggam.protection.api import router as protection_api
from gonggam.routing.api import router as routing_api


def create_app(
    settings: Settings | None = None, *, factory: sessionmaker[Session] | None = None
) -> FastAPI:
    """Build the app for `settings` (defaults: environment) on an already-migrated database."""
    settings = settings or get_settings()
    app = FastAPI(
        title="gonggam",
        version="0.1.0",
        description="Korean-first customer-service desk built around service recovery.",
        lifespan=_lifespan,
        # Served below behind authentication: every endpoint but /healthz needs it.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.session_factory = factory or session_factory(engine_for(settings.database_url))

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="gonggam_session",
        same_site="lax",
        https_only=settings.secure_cookies,
        max_age=12 * 3600,
    )
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes)

    for router in (
        conversations_api,
        customers_api,
        accounts_api,
        routing_api,
        channels_api,
        coaching_api,
        intents_api,
        protection_api,
    ):
        app.include_router(router)
    for router in ADAPTER_ROUTERS:
        app.include_router(router)
    _add_operational_routes(app)
    _add_error_handlers(app)
    _add_web(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the in-process background passes (unless a separate worker runs them)."""
    settings: Settings = app.state.settings
    passes = BackgroundPasses(app.state.session_factory) if settings.background_jobs else None
    if passes is not None:
        passes.start()
    try:
        yield
    finally:
        if passes is not None:
            passes.stop()


def _add_operational_routes(app: FastAPI) -> None:
    @app.get("/healthz", tags=["ops"])
    def healthz(request: Request) -> dict[str, str]:
        """Liveness and database reachability; the only route without authentication."""
        factory: sessionmaker[Session] = request.app.state.session_factory
        with factory() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok"}

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(request: Request, principal: CurrentPrincipal) -> JSONResponse:
        """The OpenAPI description of the JSON API (signed-in people and API tokens)."""
        del principal
        return JSONResponse(request.app.openapi())

    @app.get("/docs", include_in_schema=False)
    def docs(principal: CurrentPrincipal) -> HTMLResponse:
        """Interactive API documentation over /openapi.json."""
        del principal
        return get_swagger_ui_html(openapi_url="/openapi.json", title="gonggam API")

    @app.get("/metrics", tags=["ops"], response_class=Response)
    def metrics(principal: SupervisorPrincipal) -> Response:
        """Prometheus metrics (needs a supervisor session or an API token)."""
        del principal
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        errors: list[dict[str, Any]] = [dict(e) for e in error.errors()]
        if any(e.get("type") == "json_invalid" for e in errors):
            ctx = errors[0].get("ctx") or {}
            reason = ctx.get("error", "malformed JSON")
            return JSONResponse(
                {"detail": f"malformed JSON: {reason}"}, status_code=status.HTTP_400_BAD_REQUEST
            )
        if any(
            e.get("type") == "model_attributes_type" and tuple(e.get("loc", ())) == ("body",)
            for e in errors
        ):
            return JSONResponse(
                {
                    "detail": "the body must be a JSON object sent with "
                    "Content-Type: application/json"
                },
                status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            )
        readable = [
            {
                "field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
                "message": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in errors
        ]
        summary = "; ".join(f"{r['field'] or 'body'}: {r['message']}" for r in readable)
        return JSONResponse(
            {"detail": summary, "errors": readable},
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, error: LoginRequired) -> RedirectResponse:
        del error
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


def _add_web(app: FastAPI) -> None:
    """HTML pages and static files (web UI)."""
    from gonggam.web.routes import mount

    mount(app)
