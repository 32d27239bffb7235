"""The `gonggam` command line."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="gonggam — a Korean-first customer-service desk", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance", no_args_is_help=True)
app.add_typer(db_app, name="db")
console = Console()
# Open live streams (SSE) would otherwise hold a shutdown for up to a minute.
SHUTDOWN_GRACE_SECONDS = 3

# domain commands
from gonggam.coach.commands import coach_app  # noqa: E402
from gonggam.triage.commands import analyze_command, triage_app  # noqa: E402

app.command("analyze", help="Triage JSON Lines messages from stdin")(analyze_command)
app.add_typer(triage_app, name="triage", help="Triage evaluation and training")

app.add_typer(
    coach_app, name="coach", help="Coach replies (stdin JSON Lines) and evaluate the coach"
)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="target revision")] = "head",
) -> None:
    """Apply database migrations (GONGGAM_DATABASE_URL, SQLite by default)."""
    from gonggam.config import get_settings
    from gonggam.migrate import upgrade

    url = get_settings().database_url
    upgrade(url, revision)
    console.print(f"[green]database at {_safe_url(url)} is at {revision}[/]")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="HTTP port")] = 8000,
    workers: Annotated[int, typer.Option(help="app processes (needs PostgreSQL for >1)")] = 1,
) -> None:
    """Serve the web UI and API on an already-migrated database (`gonggam db upgrade`)."""
    import uvicorn

    uvicorn.run(
        "gonggam.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
    )


@app.command()
def worker(
    interval: Annotated[float, typer.Option(help="seconds between passes")] = 10.0,
    once: Annotated[bool, typer.Option(help="run one pass and exit")] = False,
) -> None:
    """Run background passes: finish triage for stored messages whose analysis failed.

    Run one worker per deployment; it shares nothing with the app processes but the database.
    """
    import time

    from gonggam.config import get_settings
    from gonggam.db import engine_for, session_factory
    from gonggam.jobs.retriage import retriage_pending

    factory = session_factory(engine_for(get_settings().database_url))
    while True:
        done = retriage_pending(factory)
        if done:
            console.print(f"triaged {done} pending message(s)")
        if once:
            return
        time.sleep(interval)


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="HTTP port")] = 8000,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
) -> None:
    """Start a demo desk with realistic Korean demo data on a fresh SQLite database."""
    import uvicorn

    from gonggam.app import create_app
    from gonggam.config import get_settings
    from gonggam.demo.seed import seed_demo
    from gonggam.migrate import upgrade

    if "GONGGAM_DATABASE_URL" not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="gonggam-demo-"))
        os.environ["GONGGAM_DATABASE_URL"] = f"sqlite:///{folder / 'demo.sqlite3'}"
    get_settings.cache_clear()
    settings = get_settings()
    password = settings.demo_password or secrets.token_urlsafe(9)
    upgrade(settings.database_url)
    logins = seed_demo(settings.database_url, password=password)

    table = Table(
        title=f"gonggam demo — http://{host}:{port}  ({_safe_url(settings.database_url)})"
    )
    table.add_column("role")
    table.add_column("e-mail")
    table.add_column("password")
    for role, email in logins:
        table.add_row(role, email, password)
    console.print(table)
    if settings.api_token:
        console.print("API: send 'Authorization: Bearer $GONGGAM_API_TOKEN'")
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
    )


def _safe_url(url: str) -> str:
    """The database URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main() -> None:
    """Entry point of the `gonggam` console script."""
    app()
