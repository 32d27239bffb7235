"""Agreement of the coach with hand labels (tests/data/coach_dev.jsonl).

Each dev example carries `labels` for all fourteen rules and a `split`: `tune` examples may be
used while adjusting cues, `holdout` examples are written by other hands and only measured.
Labels follow `tests/data/coach_labels.md`. Agreement of a rule = share of examples where the
coach's status equals the label.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gonggam.coach.engine import coach_reply
from gonggam.coach.result import RULE_IDS


@dataclass(frozen=True)
class DevExample:
    """One labelled reply."""

    reply: str
    customer_message: str | None
    situation: str | None
    split: str
    labels: dict[str, str]


@dataclass
class Agreement:
    """Per-rule agreement counts for one split."""

    split: str
    examples: int = 0
    agreed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RULE_IDS, 0))
    disagreements: list[tuple[int, str, str, str]] = field(default_factory=list)

    def rate(self, rule_id: str) -> float:
        """Share of examples where the coach agreed with the label for `rule_id`."""
        return self.agreed[rule_id] / self.examples if self.examples else 0.0

    def overall(self) -> float:
        """Share of all (example, rule) pairs in agreement."""
        total = self.examples * len(RULE_IDS)
        return sum(self.agreed.values()) / total if total else 0.0


def load_dev_set(path: Path) -> list[DevExample]:
    """Read labelled examples from a JSON Lines file."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        examples.append(
            DevExample(
                reply=record["reply"],
                customer_message=record.get("customer_message"),
                situation=record.get("situation"),
                split=record.get("split", "tune"),
                labels=record["labels"],
            )
        )
    return examples


def evaluate(
    examples: Iterable[DevExample], splits: Sequence[str] = ("tune", "holdout")
) -> dict[str, Agreement]:
    """Return agreement per split and for all examples together (key "overall")."""
    results = {name: Agreement(name) for name in (*splits, "overall")}
    for index, example in enumerate(examples):
        coached = coach_reply(
            example.reply, customer_message=example.customer_message, situation=example.situation
        )
        statuses = {rule.id: rule.status for rule in coached.rules}
        for name in (example.split, "overall"):
            if name not in results:
                continue
            agreement = results[name]
            agreement.examples += 1
            for rule_id in RULE_IDS:
                if statuses[rule_id] == example.labels[rule_id]:
                    agreement.agreed[rule_id] += 1
                elif name != "overall":
                    agreement.disagreements.append(
                        (index, rule_id, example.labels[rule_id], statuses[rule_id])
                    )
    return results
