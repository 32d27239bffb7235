"""`gonggam coach` (stdin JSON Lines → contract JSON) and `gonggam coach eval FILE`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from gonggam.coach.engine import coach_reply
from gonggam.coach.evaluate import evaluate, load_dev_set
from gonggam.coach.result import RULE_IDS

coach_app = typer.Typer(invoke_without_command=True, no_args_is_help=False)


@coach_app.callback()
def coach(ctx: typer.Context) -> None:
    """Read `{"reply", "customer_message"?, "situation"?}` lines on stdin; write coaching."""
    if ctx.invoked_subcommand is not None:
        return
    failures = 0
    # Read bytes so one line of invalid UTF-8 is reported instead of aborting the stream.
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        if not raw.strip():
            continue
        try:
            result = _coach_line(_decode(raw))
        except ValueError as error:
            failures += 1
            print(f"line {number}: {error}", file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if failures:
        raise typer.Exit(code=1)


def _decode(raw: bytes) -> str:
    """Decode one input line; ValueError when it is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"invalid UTF-8 at byte {error.start}") from None


def _coach_line(line: str) -> dict[str, object]:
    """Coach one input line; ValueError says what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    reply = record.get("reply")
    if not isinstance(reply, str):
        raise ValueError('"reply" must be a string')
    customer_message = record.get("customer_message")
    situation = record.get("situation")
    for name, value in (("customer_message", customer_message), ("situation", situation)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{name}" must be a string')
    return coach_reply(reply, customer_message=customer_message, situation=situation).to_dict()


@coach_app.command("eval")
def eval_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="labelled JSON Lines")],
) -> None:
    """Print per-rule agreement with the labels of FILE, for tune, holdout and overall."""
    results = evaluate(load_dev_set(file))
    table = Table(title=f"Coach agreement with {file.name}")
    table.add_column("rule")
    columns = [name for name in ("tune", "holdout", "overall") if results[name].examples]
    for name in columns:
        table.add_column(f"{name} (n={results[name].examples})", justify="right")
    for rule_id in RULE_IDS:
        table.add_row(rule_id, *(f"{results[name].rate(rule_id):.2f}" for name in columns))
    table.add_row("all rules", *(f"{results[name].overall():.3f}" for name in columns))
    Console().print(table)
