"""Measure triage against hand labels (tests/data/triage_dev.jsonl), per split.

`tune` examples may be looked at while adjusting cues; `holdout` examples are written in a
different style and only measured, so their figures are the honest ones. The same texts are
also run through two public Korean profanity filters (korcen, nerv-filter) for comparison.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gonggam.triage.analyzer import Analysis, analyze_batch

LABEL_FIELDS: tuple[str, ...] = ("intent", "emotion", "customer_type", "urgency")
_SEPARATORS = frozenset(" -.@\n\t,()")


@dataclass(frozen=True)
class DevExample:
    """One labelled customer message."""

    text: str
    split: str
    labels: dict[str, str]
    abusive: bool
    abuse_kinds: tuple[str, ...]
    abuse_spans: tuple[tuple[int, int], ...]
    pii: tuple[tuple[int, int, str], ...]


def load_dev_set(path: Path) -> list[DevExample]:
    """Read labelled examples from a JSON Lines file."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        examples.append(
            DevExample(
                text=record["text"],
                split=record.get("split", "tune"),
                labels={name: record[name] for name in LABEL_FIELDS},
                abusive=bool(record.get("abusive")),
                abuse_kinds=tuple(record.get("abuse_kinds", ())),
                abuse_spans=tuple((int(s), int(e)) for s, e, *_ in record.get("abuse_spans", ())),
                pii=tuple((int(s), int(e), str(k)) for s, e, k in record.get("pii", ())),
            )
        )
    return examples


@dataclass
class Counts:
    """True/false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, *, gold: bool, predicted: bool) -> None:
        """Count one binary decision."""
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1

    @property
    def precision(self) -> float:
        """Share of predictions that were right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when there were none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class LabelReport:
    """Confusion counts for one label field."""

    name: str
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: str, predicted: str) -> None:
        """Count one (gold, predicted) pair."""
        self.confusion[(gold, predicted)] += 1

    @property
    def labels(self) -> list[str]:
        """Labels seen as gold or predicted, sorted."""
        return sorted({label for pair in self.confusion for label in pair})

    def counts(self, label: str) -> Counts:
        """Precision/recall counts of one label against all others."""
        tp = self.confusion[(label, label)]
        fp = sum(n for (g, p), n in self.confusion.items() if p == label and g != label)
        fn = sum(n for (g, p), n in self.confusion.items() if g == label and p != label)
        return Counts(tp, fp, fn)

    @property
    def accuracy(self) -> float:
        """Share of examples whose prediction equals the label."""
        total = sum(self.confusion.values())
        right = sum(n for (g, p), n in self.confusion.items() if g == p)
        return right / total if total else 0.0


@dataclass
class SplitReport:
    """Every figure for one split (tune, holdout or all)."""

    split: str
    examples: int = 0
    labels: dict[str, LabelReport] = field(
        default_factory=lambda: {name: LabelReport(name) for name in LABEL_FIELDS}
    )
    abuse_messages: Counts = field(default_factory=Counts)
    abuse_spans: Counts = field(default_factory=Counts)
    pii_total: int = 0
    pii_found: int = 0
    pii_kind_right: int = 0
    raw_pii_left: int = 0
    peers: dict[str, Counts] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    @property
    def pii_recall(self) -> float:
        """Share of labelled PII spans fully masked (1.0 when there were none)."""
        return self.pii_found / self.pii_total if self.pii_total else 1.0


def _masked_fully(text: str, masked: str, start: int, end: int) -> bool:
    return all(masked[i] == "*" or text[i] in _SEPARATORS for i in range(start, end))


def _raw_digits_left(text: str, masked: str, start: int, end: int) -> bool:
    return any(text[i].isdigit() and masked[i] == text[i] for i in range(start, end))


def _score(report: SplitReport, example: DevExample, analysis: Analysis) -> None:
    report.examples += 1
    for name in LABEL_FIELDS:
        predicted = str(getattr(analysis, name))
        report.labels[name].add(example.labels[name], predicted)
        if predicted != example.labels[name]:
            report.misses.append(f"{name}: {example.labels[name]}→{predicted}  {example.text[:60]}")
    report.abuse_messages.add(gold=example.abusive, predicted=analysis.abusive)
    predicted_spans = [(s, e) for s, e, _k in analysis.abuse_spans]
    for start, end in example.abuse_spans:
        hit = any(s < end and start < e for s, e in predicted_spans)
        report.abuse_spans.add(gold=True, predicted=hit)
    for s, e in predicted_spans:
        if not any(start < e and s < end for start, end in example.abuse_spans):
            report.abuse_spans.add(gold=False, predicted=True)
    for start, end, kind in example.pii:
        report.pii_total += 1
        if _masked_fully(example.text, analysis.masked_text, start, end):
            report.pii_found += 1
        if any(s < end and start < e and k == kind for s, e, k in analysis.pii):
            report.pii_kind_right += 1
        if _raw_digits_left(example.text, analysis.masked_text, start, end):
            report.raw_pii_left += 1


def peer_filters() -> dict[str, Callable[[str], bool]]:
    """The public profanity filters installed for comparison: name → `is_abusive(text)`."""
    filters: dict[str, Callable[[str], bool]] = {}
    try:
        from korcen import korcen

        filters["korcen"] = lambda text: bool(korcen.check(text))
    except ImportError:
        pass
    try:
        from nerv_filter import NervFilter

        nerv = NervFilter()
        filters["nerv-filter"] = lambda text: not nerv.analyze(text).is_clean
    except ImportError:
        pass
    return filters


def evaluate(
    examples: Sequence[DevExample], *, compare_peers: bool = True
) -> dict[str, SplitReport]:
    """Figures for the `tune` split, the `holdout` split and `all` examples."""
    reports = {name: SplitReport(name) for name in ("tune", "holdout", "all")}
    analyses = analyze_batch([example.text for example in examples])
    peers = peer_filters() if compare_peers else {}
    for example, analysis in zip(examples, analyses, strict=True):
        verdicts = {name: is_abusive(example.text) for name, is_abusive in peers.items()}
        for report in (reports.get(example.split), reports["all"]):
            if report is None:
                continue
            _score(report, example, analysis)
            for name, verdict in verdicts.items():
                report.peers.setdefault(name, Counts()).add(gold=example.abusive, predicted=verdict)
    return reports
