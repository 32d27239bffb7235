"""`gonggam triage train`: learn from a labelled file and/or the desk's stored corrections."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from gonggam.triage.evaluate import load_dev_set
from gonggam.triage.learn import CorrectionModel


def train_command(
    file: Annotated[
        Path | None,
        typer.Argument(exists=True, dir_okay=False, help="labelled JSON Lines (optional)"),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="also write the model here (JSON)")] = None,
    split: Annotated[str, typer.Option(help="train only on this split ('' for all)")] = "",
    database: Annotated[
        bool | None,
        typer.Option(
            help="learn from the corrections in GONGGAM_DATABASE_URL and store the model there"
            " (default: on when GONGGAM_DATABASE_URL is set)"
        ),
    ] = None,
) -> None:
    """Learn from labelled or agent-corrected messages; rules stay the cold start."""
    console = Console()
    examples = (
        [(e.text, e.labels) for e in load_dev_set(file) if not split or e.split == split]
        if file
        else []
    )
    if file and not examples:
        raise typer.BadParameter(f"no examples in {file} for split {split!r}")
    use_database = (
        database if database is not None else bool(os.environ.get("GONGGAM_DATABASE_URL"))
    )
    if not use_database:
        if not examples or out is None:
            raise typer.BadParameter("give a FILE and --out, or train from the database")
        model = CorrectionModel.train(examples)
        model.save(out)
        fields = ", ".join(model.fields) or "none"
        console.print(f"trained on {len(examples)} messages; fields: {fields} → {out}")
        return
    from gonggam.config import get_settings
    from gonggam.corrections.learning import train_from_corrections
    from gonggam.corrections.models import TriageModel
    from gonggam.db import engine_for, session_factory

    factory = session_factory(engine_for(get_settings().database_url))
    with factory() as session:
        training = train_from_corrections(session, extra=examples, force=True)
        record = session.get(TriageModel, training.record_id)
        if record is None:
            raise typer.Exit(code=1)
        verdict = training.verdict
        console.print(
            f"trained on {training.corrections} corrected messages"
            f"{f' and {len(examples)} from {file}' if examples else ''};"
            f" fields: {', '.join(training.fields) or 'none'}"
        )
        console.print(
            f"held-out corrections: {verdict.heldout} messages, labels right:"
            f" rules {verdict.rules_right}, rules + learned {verdict.learned_right} →"
            f" {'adopted' if record.adopted else 'not adopted (rules stay)'} (model {record.id})"
        )
        if out is not None:
            CorrectionModel.from_document(record.document).save(out)
            console.print(f"written to {out}")
