"""`gonggam import zendesk|freshdesk FILE`: import with a progress bar and a summary."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gonggam.channels.importers import freshdesk, zendesk
from gonggam.channels.importers.records import BadRow, ExportError, Ticket
from gonggam.channels.importers.service import Outcome, import_ticket

import_app = typer.Typer(help="Import tickets from another help desk", no_args_is_help=True)
console = Console(stderr=True)

FileArgument = Annotated[
    Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="the JSON export")
]


@import_app.command("zendesk")
def import_zendesk(file: FileArgument) -> None:
    """Tickets with comments and users from a Zendesk JSON export."""
    raise typer.Exit(run_import(file, zendesk.read))


@import_app.command("freshdesk")
def import_freshdesk(file: FileArgument) -> None:
    """Tickets with conversations, contacts and agents from a Freshdesk JSON export."""
    raise typer.Exit(run_import(file, freshdesk.read))


def run_import(file: Path, reader: Callable[[Any], Iterator[Ticket | BadRow]]) -> int:
    """Import every ticket of `file` into GONGGAM_DATABASE_URL; returns the exit code."""
    from gonggam.config import get_settings
    from gonggam.db import engine_for, session_factory

    try:
        export = json.loads(file.read_text(encoding="utf-8"))
        rows = list(reader(export))
    except (json.JSONDecodeError, UnicodeDecodeError, ExportError) as error:
        console.print(f"[red]cannot read {file}: {error}[/]")
        return 2
    factory = session_factory(engine_for(get_settings().database_url))
    counts = {Outcome.imported.value: 0, Outcome.skipped.value: 0, "failed": 0}
    messages = 0
    failures: list[BadRow] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task(f"importing {file.name}", total=len(rows))
        for row in rows:
            if isinstance(row, BadRow):
                failures.append(row)
            else:
                try:
                    result = import_ticket(factory, row)
                    counts[result.outcome.value] += 1
                    messages += result.new_messages
                except Exception as error:  # one bad ticket must not stop the import
                    failures.append(
                        BadRow(f"ticket {row.ticket_id}", f"{type(error).__name__}: {error}")
                    )
            progress.advance(task)
    counts["failed"] = len(failures)
    _summary(counts, messages, failures)
    return 1 if failures and not (counts["imported"] or counts["skipped"]) else 0


def _summary(counts: dict[str, int], messages: int, failures: list[BadRow]) -> None:
    table = Table(title="import summary")
    table.add_column("tickets")
    table.add_column("count", justify="right")
    for name, count in counts.items():
        table.add_row(name, str(count))
    table.add_row("new messages", str(messages))
    Console().print(table)
    for bad in failures:
        console.print(f"[yellow]failed[/] {bad.reference}: {bad.reason}")
