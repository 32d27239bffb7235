"""The `gonggam` command line."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="gonggam — a Korean-first customer-service desk", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance", no_args_is_help=True)
app.add_typer(db_app, name="db")
console = Console()
# Open live streams (SSE) would otherwise hold a shutdown for up to a minute.
SHUTDOWN_GRACE_SECONDS = 3
SmtpPortOption = Annotated[
    int | None, typer.Option(help="also receive e-mail by SMTP on 127.0.0.1:PORT")
]

if TYPE_CHECKING:
    from gonggam.config import Settings

# domain commands
from gonggam.channels.importers.commands import import_app  # noqa: E402
from gonggam.coach.commands import coach_app  # noqa: E402
from gonggam.triage.commands import analyze_command, triage_app  # noqa: E402

app.command("analyze", help="Triage JSON Lines messages from stdin")(analyze_command)
from gonggam.corrections.commands import train_command  # noqa: E402

triage_app.command("train")(train_command)
app.add_typer(triage_app, name="triage", help="Triage evaluation and training")

app.add_typer(import_app, name="import", help="Import tickets from Zendesk or Freshdesk exports")
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
    smtp_port: SmtpPortOption = None,
) -> None:
    """Serve the web UI and API on an already-migrated database (`gonggam db upgrade`)."""
    import uvicorn

    from gonggam.config import get_settings

    with _smtp_receiver(get_settings(), smtp_port):
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
    tick: Annotated[float, typer.Option(help="seconds between looks for due passes")] = 1.0,
    once: Annotated[bool, typer.Option(help="run every pass once and exit")] = False,
) -> None:
    """Run the background passes (see gonggam.jobs.passes): triage left unfinished, and more.

    It shares nothing with the app processes but the database.
    """
    import time

    from gonggam.config import get_settings
    from gonggam.db import engine_for, session_factory
    from gonggam.jobs.passes import all_passes, run_due

    factory = session_factory(engine_for(get_settings().database_url))
    passes = all_passes()
    while True:
        for name, count in run_due(factory, passes).items():
            if count:
                console.print(f"{name}: {count}")
        if once:
            return
        time.sleep(tick)


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="HTTP port")] = 8000,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    smtp_port: SmtpPortOption = None,
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
    if not settings.widget_secret:  # lets /widget-demo?signed=true sign its demo shopper
        settings = settings.model_copy(update={"widget_secret": secrets.token_urlsafe(24)})
    webhook_secret = _demo_channel(settings.database_url, settings.demo_webhook_secret)

    table = Table(
        title=f"gonggam demo — http://{host}:{port}  ({_safe_url(settings.database_url)})"
    )
    table.add_column("role")
    table.add_column("e-mail")
    table.add_column("password")
    for role, email in logins:
        table.add_row(role, email, password)
    console.print(table)
    console.print(
        f"SMS webhook: POST http://{host}:{port}/api/v1/channels/demo-sms/webhook "
        f"(X-Gonggam-Signature secret: {webhook_secret})"
    )
    if settings.api_token:
        console.print("API: send 'Authorization: Bearer $GONGGAM_API_TOKEN'")
    console.print(f"chat widget demo: http://{host}:{port}/widget-demo")
    with _smtp_receiver(settings, smtp_port):
        uvicorn.run(
            create_app(settings),
            host=host,
            port=port,
            timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
        )


@contextmanager
def _smtp_receiver(settings: Settings, port: int | None) -> Iterator[None]:
    """The e-mail receiver on 127.0.0.1:port beside the web server, when a port is given."""
    if port is None:
        yield
        return
    from gonggam.channels.email.receiver import start_receiver

    receiver = start_receiver(settings, host="127.0.0.1", port=port)
    console.print(f"e-mail: SMTP receiver on 127.0.0.1:{port}")
    try:
        yield
    finally:
        receiver.stop()


def _demo_channel(url: str, secret: str | None) -> str:
    """The demo's `demo-sms` webhook channel; returns its secret for printing."""
    from gonggam.channels.service import ensure_channel
    from gonggam.db import engine_for, session_factory

    with session_factory(engine_for(url))() as session:
        channel = ensure_channel(
            session, name="demo-sms", kind="sms", display_name="데모 문자", secret=secret
        )
        return channel.secret or ""


def _safe_url(url: str) -> str:
    """The database URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main() -> None:
    """Entry point of the `gonggam` console script."""
    app()
