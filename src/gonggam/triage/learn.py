"""Learning from agents' corrections (SPEC 3.3): rules give the cold start, this adapts.

Each correction is a message text with the labels an agent confirmed or fixed. A linear model
over character n-grams (robust to Korean spacing and endings) is trained per label field. When
it is confident and the rules are not, its label replaces the rule's; otherwise the rules stand,
so a handful of corrections cannot overturn well-evidenced rule decisions.

The model is stored as JSON (only the non-zero weights of hashed features): no pickle, so a
model file cannot run code when loaded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from gonggam.triage.analyzer import Analysis
from gonggam.triage.intent import IntentCatalog

LEARNED_FIELDS: tuple[str, ...] = ("intent", "emotion", "customer_type", "urgency")
_FEATURES = 2**14
# A learned label replaces the rule's only when the model is at least this sure (and, for
# intent, surer than the rules); other fields need a wider margin, see `blend`.
_MODEL_SURE = 0.6
# A field is learned only when at least two of its labels have this many corrections each.
_MIN_EXAMPLES_PER_LABEL = 2


def _vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        analyzer="char_wb", ngram_range=(1, 3), n_features=_FEATURES, alternate_sign=False
    )


@dataclass(frozen=True)
class FieldModel:
    """Weights of one label field: classes, sparse coefficients (class × feature) and biases."""

    classes: tuple[str, ...]
    weights: dict[int, list[float]]
    intercepts: list[float]

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities for each text (rows follow `texts`, columns `classes`)."""
        matrix = _vectorizer().transform(list(texts)).tocsr()
        scores = np.tile(np.asarray(self.intercepts, dtype=float), (len(texts), 1))
        for row in range(matrix.shape[0]):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            for column, value in zip(
                matrix.indices[start:end], matrix.data[start:end], strict=True
            ):
                weights = self.weights.get(int(column))
                if weights is not None:
                    scores[row] += value * np.asarray(weights)
        if len(self.classes) == 2:
            # Binary logistic regression keeps one weight row for the second class.
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        result: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return result


@dataclass(frozen=True)
class CorrectionModel:
    """One `FieldModel` per label field that had enough corrections to learn from."""

    fields: dict[str, FieldModel]
    examples: int

    @classmethod
    def train(cls, corrections: Sequence[tuple[str, Mapping[str, str]]]) -> CorrectionModel:
        """Fit from (text, {field: label}) pairs; fields with fewer than two labels are skipped."""
        texts = [text for text, _labels in corrections]
        matrix = _vectorizer().transform(texts)
        fields: dict[str, FieldModel] = {}
        for name in LEARNED_FIELDS:
            rows = [i for i, (_t, labels) in enumerate(corrections) if name in labels]
            labels = [corrections[i][1][name] for i in rows]
            counts = {label: labels.count(label) for label in set(labels)}
            if len([c for c in counts.values() if c >= _MIN_EXAMPLES_PER_LABEL]) < 2:
                continue
            model = LogisticRegression(C=10.0, max_iter=500)
            model.fit(matrix[rows], labels)
            coef = np.asarray(model.coef_)
            used = np.flatnonzero(np.abs(coef).sum(axis=0) > 1e-9)
            fields[name] = FieldModel(
                classes=tuple(str(c) for c in model.classes_),
                weights={int(j): [float(v) for v in coef[:, j]] for j in used},
                intercepts=[float(v) for v in np.asarray(model.intercept_)],
            )
        return cls(fields=fields, examples=len(corrections))

    def predict(self, texts: Sequence[str]) -> list[dict[str, tuple[str, float]]]:
        """For each text: {field: (most likely label, its probability)}."""
        predictions: list[dict[str, tuple[str, float]]] = [{} for _ in texts]
        if not texts:
            return predictions
        for name, field_model in self.fields.items():
            probabilities = field_model.probabilities(texts)
            for row, prediction in enumerate(predictions):
                best = int(np.argmax(probabilities[row]))
                prediction[name] = (field_model.classes[best], float(probabilities[row][best]))
        return predictions

    def to_document(self) -> dict[str, Any]:
        """The model as a JSON-ready document (what `save` writes and a database stores)."""
        return {
            "format": "gonggam-triage-corrections/1",
            "features": _FEATURES,
            "examples": self.examples,
            "fields": {
                name: {
                    "classes": list(m.classes),
                    "intercepts": m.intercepts,
                    "weights": {str(k): v for k, v in m.weights.items()},
                }
                for name, m in self.fields.items()
            },
        }

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> CorrectionModel:
        """Read a document made by `to_document`; ValueError when it is not one."""
        if document.get("format") != "gonggam-triage-corrections/1":
            raise ValueError("not a gonggam triage model")
        if document.get("features") != _FEATURES:
            raise ValueError("model trained with a different feature size")
        fields = {
            name: FieldModel(
                classes=tuple(spec["classes"]),
                weights={int(k): list(v) for k, v in spec["weights"].items()},
                intercepts=list(spec["intercepts"]),
            )
            for name, spec in document["fields"].items()
        }
        return cls(fields=fields, examples=int(document.get("examples", 0)))

    def save(self, path: Path) -> None:
        """Write the model as JSON."""
        path.write_text(json.dumps(self.to_document(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> CorrectionModel:
        """Read a model written by `save`; ValueError when the file is not one."""
        try:
            return cls.from_document(json.loads(path.read_text(encoding="utf-8")))
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from error


def blend(analysis: Analysis, prediction: Mapping[str, tuple[str, float]]) -> Analysis:
    """The analysis with learned labels where the model is sure and the rules are not.

    Intent compares the model's probability with the rules' confidence. The other fields have
    no rule confidence, so the model needs a clearer margin and the rules keep any decision
    forced by hard evidence (abuse keeps its emotion, a threat keeps urgency "urgent").
    """
    changes: dict[str, object] = {}
    intent = prediction.get("intent")
    if intent and intent[1] >= _MODEL_SURE and intent[1] > analysis.intent_confidence:
        changes["intent"] = intent[0]
        changes["intent_confidence"] = round(intent[1], 3)
    for name in ("emotion", "customer_type", "urgency"):
        learned = prediction.get(name)
        if learned is None or learned[1] < _MODEL_SURE + 0.2:
            continue
        if analysis.abusive and name in ("emotion", "customer_type"):
            continue
        if name == "urgency" and analysis.urgency == "urgent":
            continue
        changes[name] = learned[0]
    return replace(analysis, **changes) if changes else analysis  # type: ignore[arg-type]


def analyze_with_corrections(
    texts: Sequence[str],
    model: CorrectionModel,
    *,
    channel: str | None = None,
    catalog: IntentCatalog | None = None,
) -> list[Analysis]:
    """`analyze_batch` (with `catalog`'s intents), then the learned labels blended in where
    the model is sure."""
    from gonggam.triage.analyzer import analyze_batch

    analyses = analyze_batch(texts, channel=channel, catalog=catalog)
    return [blend(a, p) for a, p in zip(analyses, model.predict(texts), strict=True)]


@dataclass(frozen=True)
class Verdict:
    """Rules alone against rules + learned on held-out corrections: adopt only if better."""

    heldout: int
    rules_right: int
    learned_right: int

    @property
    def adopt(self) -> bool:
        return self.heldout > 0 and self.learned_right > self.rules_right


def judge(
    train: Sequence[tuple[str, Mapping[str, str]]],
    heldout: Sequence[tuple[str, Mapping[str, str]]],
    *,
    catalog: IntentCatalog | None = None,
) -> Verdict:
    """Train on `train`, then count corrected labels each side gets right on `heldout`
    (the rules use `catalog`'s intents, so an organisation's own intents count for them)."""
    from gonggam.triage.analyzer import analyze_batch

    if not train or not heldout:
        return Verdict(len(heldout), 0, 0)
    model = CorrectionModel.train(train)
    texts = [text for text, _labels in heldout]
    rules = analyze_batch(texts, catalog=catalog)
    learned = [blend(a, p) for a, p in zip(rules, model.predict(texts), strict=True)]
    rules_right = learned_right = 0
    for (_text, labels), by_rules, by_model in zip(heldout, rules, learned, strict=True):
        for name, label in labels.items():
            rules_right += getattr(by_rules, name, None) == label
            learned_right += getattr(by_model, name, None) == label
    return Verdict(len(heldout), rules_right, learned_right)
