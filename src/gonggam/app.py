"""The FastAPI application factory."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker
from starlette.middleware.sessions import SessionMiddleware

from gonggam.accounts.api import router as accounts_api
from gonggam.config import Settings, get_settings
from gonggam.conversations.api import router as conversations_api
from gonggam.customers.api import router as customers_api
from gonggam.db import engine_for, session_factory
from gonggam.deps import LoginRequired, SupervisorPrincipal
from gonggam.kit.limits import BodyGuard
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

    for router in (conversations_api, customers_api, accounts_api, routing_api):
        app.include_router(router)
    _add_operational_routes(app)
    _add_error_handlers(app)
    _add_web(app)
    return app


def _add_operational_routes(app: FastAPI) -> None:
    @app.get("/healthz", tags=["ops"])
    def healthz(request: Request) -> dict[str, str]:
        """Liveness and database reachability; the only route without authentication."""
        factory: sessionmaker[Session] = request.app.state.session_factory
        with factory() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok"}

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
