"""`gonggam analyze` (stdin JSON Lines → contract JSON) and `gonggam triage eval FILE`."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.console import Console
from rich.table import Table

from gonggam.triage.analyzer import analyze_batch
from gonggam.triage.evaluate import (
    LABEL_FIELDS,
    Counts,
    DevExample,
    SplitReport,
    evaluate,
    load_dev_set,
)

triage_app = typer.Typer(no_args_is_help=True)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Lines are analysed in batches (one Kiwi batch call each) but written in input order.
_BATCH = 256


def analyze_command() -> None:
    """Read `{"text", "channel"?, "customer_id"?}` lines on stdin; write one analysis per line.

    A bad line (invalid UTF-8, invalid JSON, no string "text") is reported on stderr with its
    line number and skipped; the exit code is 1 when any line failed.
    """
    failures = 0
    # Bytes, so one line of invalid UTF-8 is reported instead of aborting the whole stream.
    for number, result in _analyse_stream(sys.stdin.buffer):
        if isinstance(result, str):
            failures += 1
            print(f"line {number}: {result}", file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failures:
        raise typer.Exit(code=1)


def _analyse_stream(stream: BinaryIO) -> Iterator[tuple[int, dict[str, object] | str]]:
    """(line number, analysis or error message) for every non-blank input line, in order."""
    pending: list[tuple[int, str | None, str | None, str | None]] = []
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        text, channel, error = _parse_line(raw)
        pending.append((number, text, channel, error))
        if len(pending) >= _BATCH:
            yield from _flush(pending)
            sys.stdout.flush()
            pending = []
    yield from _flush(pending)


def _flush(
    pending: list[tuple[int, str | None, str | None, str | None]],
) -> Iterator[tuple[int, dict[str, object] | str]]:
    good = [(text, channel) for _n, text, channel, error in pending if error is None]
    analyses = iter(_analyse_grouped(good))
    for number, _text, _channel, error in pending:
        yield number, (error if error is not None else next(analyses))


def _analyse_grouped(items: list[tuple[str | None, str | None]]) -> list[dict[str, object]]:
    """Analyse texts in batches per channel (channel changes urgency), keeping input order."""
    results: list[dict[str, object] | None] = [None] * len(items)
    by_channel: dict[str | None, list[int]] = {}
    for index, (_text, channel) in enumerate(items):
        by_channel.setdefault(channel, []).append(index)
    for channel, indexes in by_channel.items():
        texts = [str(items[i][0]) for i in indexes]
        for index, analysis in zip(indexes, analyze_batch(texts, channel=channel), strict=True):
            results[index] = analysis.to_dict()
    return [result for result in results if result is not None]


def _parse_line(raw: bytes) -> tuple[str | None, str | None, str | None]:
    """(text, channel, None) for a good line, (None, None, error message) for a bad one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, None, f"invalid UTF-8 at byte {error.start}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return None, None, f"invalid JSON ({error.msg} at column {error.colno})"
    if not isinstance(record, dict):
        return None, None, "expected a JSON object"
    text = record.get("text")
    if not isinstance(text, str):
        return None, None, '"text" must be a string'
    channel = record.get("channel")
    if channel is not None and not isinstance(channel, str):
        return None, None, '"channel" must be a string'
    # JSON may carry a lone surrogate ("\ud800"), which cannot be written back out as UTF-8;
    # U+FFFD keeps every offset where it was.
    return _LONE_SURROGATE.sub("\ufffd", text), channel, None


@triage_app.command("eval")
def eval_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="labelled JSON Lines")],
    peers: Annotated[bool, typer.Option(help="also run korcen and nerv-filter")] = True,
    learn: Annotated[
        bool, typer.Option(help="also train on the tune split and score rules+learned on holdout")
    ] = False,
) -> None:
    """Per-label precision/recall/F1, confusion matrices, abuse and PII figures per split."""
    examples = load_dev_set(file)
    reports = evaluate(examples, compare_peers=peers)
    # Wide enough for the confusion matrices even when the output is piped to a file.
    console = Console(width=max(Console().width, 150))
    if learn:
        console.print(_learning_table(examples))
    splits = [reports[name] for name in ("tune", "holdout") if reports[name].examples]
    console.print(_summary_table(file.name, splits))
    console.print(_abuse_table(splits))
    for report in splits:
        for name in LABEL_FIELDS:
            console.print(_label_table(report, name))
            console.print(_confusion_table(report, name))


def _summary_table(title: str, splits: list[SplitReport]) -> Table:
    table = Table(title=f"Triage on {title}")
    table.add_column("measure")
    for report in splits:
        table.add_column(f"{report.split} (n={report.examples})", justify="right")
    for name in LABEL_FIELDS:
        table.add_row(f"{name} accuracy", *(f"{r.labels[name].accuracy:.3f}" for r in splits))
    table.add_row("abuse F1 (messages)", *(f"{r.abuse_messages.f1:.3f}" for r in splits))
    table.add_row("abuse F1 (spans)", *(f"{r.abuse_spans.f1:.3f}" for r in splits))
    table.add_row(
        "PII recall", *(f"{r.pii_recall:.3f} ({r.pii_found}/{r.pii_total})" for r in splits)
    )
    table.add_row("PII kind right", *(f"{r.pii_kind_right}/{r.pii_total}" for r in splits))
    table.add_row("raw PII left in masked text", *(str(r.raw_pii_left) for r in splits))
    return table


def _abuse_table(splits: list[SplitReport]) -> Table:
    table = Table(title="Abusive messages: gonggam and public filters on the same texts")
    table.add_column("filter")
    for report in splits:
        for measure in ("P", "R", "F1"):
            table.add_column(f"{report.split} {measure}", justify="right")
    names = ["gonggam", *sorted({name for r in splits for name in r.peers})]
    for name in names:
        cells: list[str] = []
        for report in splits:
            counts = report.abuse_messages if name == "gonggam" else report.peers.get(name)
            cells += _prf(counts)
        table.add_row(name, *cells)
    return table


def _prf(counts: Counts | None) -> list[str]:
    if counts is None:
        return ["-", "-", "-"]
    return [f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}"]


def _label_table(report: SplitReport, name: str) -> Table:
    labels = report.labels[name]
    table = Table(title=f"{name} — {report.split} (accuracy {labels.accuracy:.3f})")
    for column in ("label", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label in labels.labels:
        counts = labels.counts(label)
        support = counts.tp + counts.fn
        table.add_row(label, *_prf(counts), str(support))
    return table


def _confusion_table(report: SplitReport, name: str) -> Table:
    labels = report.labels[name]
    names = labels.labels
    table = Table(title=f"{name} confusion — {report.split} (rows: label, columns: predicted)")
    table.add_column("")
    for label in names:
        table.add_column(label[:10], justify="right")
    for gold in names:
        row = [str(labels.confusion[(gold, predicted)] or ".") for predicted in names]
        table.add_row(gold, *row)
    return table


def _learning_table(examples: list[DevExample]) -> Table:
    """Holdout accuracy of the rules alone and with a model learned from the tune split."""
    from gonggam.triage.learn import CorrectionModel, analyze_with_corrections

    tune = [e for e in examples if e.split == "tune"]
    holdout = [e for e in examples if e.split == "holdout"]
    model = CorrectionModel.train([(e.text, e.labels) for e in tune])
    texts = [e.text for e in holdout]
    rules = analyze_batch(texts)
    learned = analyze_with_corrections(texts, model)
    table = Table(title=f"Learning from {len(tune)} tune corrections, scored on holdout")
    for column in ("field", "rules", "rules + learned"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name in LABEL_FIELDS:
        cells = []
        for analyses in (rules, learned):
            right = sum(
                getattr(a, name) == e.labels[name] for a, e in zip(analyses, holdout, strict=True)
            )
            cells.append(f"{right / len(holdout):.3f}" if holdout else "-")
        table.add_row(name, *cells)
    return table
