"""Training from the corrections stored in the database, and the model every process uses.

A model is adopted only when, trained without a held-out quarter of the corrected messages,
it gets more of their corrected labels right than the rules alone. The adopted model is stored
in the database, so every app process and worker blends the same one into triage.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Message
from gonggam.corrections.models import TriageCorrection, TriageModel
from gonggam.intents.catalog import desk_intents
from gonggam.kit.clock import utcnow
from gonggam.triage import Analysis, analyze
from gonggam.triage.learn import CorrectionModel, Verdict, analyze_with_corrections, judge

Example = tuple[str, Mapping[str, str]]
# Every HELDOUT_EVERY-th corrected message (by id) is held out to judge the model.
HELDOUT_EVERY = 4


def corrected_examples(session: Session) -> list[tuple[int, str, dict[str, str]]]:
    """(message id, original text, {field: label}) with each field's latest correction."""
    rows = session.execute(
        select(TriageCorrection.message_id, TriageCorrection.field, TriageCorrection.new).order_by(
            TriageCorrection.id
        )
    ).all()
    labels: dict[int, dict[str, str]] = {}
    for message_id, name, value in rows:
        labels.setdefault(int(message_id), {})[name] = value
    texts: dict[int, str] = {
        int(mid): str(text)
        for mid, text in session.execute(
            select(Message.id, Message.text).where(Message.id.in_(labels))
        ).all()
    }
    return [(mid, texts[mid], fields) for mid, fields in sorted(labels.items()) if mid in texts]


@dataclass(frozen=True)
class Training:
    record_id: int | None
    corrections: int
    verdict: Verdict
    fields: tuple[str, ...]


def train_from_corrections(
    session: Session, *, extra: Sequence[Example] = (), force: bool = False
) -> Training:
    """Judge and store a model from the database's corrections (plus `extra` examples).

    Without `force`, nothing is trained when no correction arrived since the last model.
    """
    last_id = int(session.scalar(select(func.max(TriageCorrection.id))) or 0)
    previous = session.scalar(select(TriageModel).order_by(TriageModel.id.desc()).limit(1))
    if (
        not force
        and not extra
        and (last_id == 0 or (previous and previous.last_correction_id >= last_id))
    ):
        return Training(None, 0, Verdict(0, 0, 0), ())
    examples = corrected_examples(session)
    heldout = [(t, f) for mid, t, f in examples if mid % HELDOUT_EVERY == 0]
    train = [*extra, *((t, f) for mid, t, f in examples if mid % HELDOUT_EVERY != 0)]
    verdict = judge(train, heldout, catalog=desk_intents(session).catalog)
    everything = [*extra, *((t, f) for _mid, t, f in examples)]
    model = CorrectionModel.train(everything) if everything else CorrectionModel({}, 0)
    record = TriageModel(
        corrections=len(examples),
        last_correction_id=last_id,
        heldout=verdict.heldout,
        rules_right=verdict.rules_right,
        learned_right=verdict.learned_right,
        adopted=verdict.adopt and bool(model.fields),
        document=model.to_document(),
        trained_at=utcnow(),
    )
    session.add(record)
    session.commit()
    return Training(record.id, len(examples), verdict, tuple(model.fields))


class _Cache:
    """The adopted model of this process, reloaded when a newer one is adopted."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple[str, int] | None = None
        self.model: CorrectionModel | None = None


_cache = _Cache()


def adopted_model(session: Session) -> CorrectionModel | None:
    """The newest adopted model (one small query per call; the weights are cached)."""
    record_id = session.scalar(
        select(TriageModel.id)
        .where(TriageModel.adopted.is_(True))
        .order_by(TriageModel.id.desc())
        .limit(1)
    )
    if record_id is None:
        return None
    bind = session.get_bind()
    key = (str(bind.engine.url), int(record_id))
    with _cache.lock:
        if _cache.key != key:
            record = session.get(TriageModel, record_id)
            _cache.model = CorrectionModel.from_document(record.document) if record else None
            _cache.key = key
        return _cache.model


def desk_analysis(factory: sessionmaker[Session], text: str, *, channel: str | None) -> Analysis:
    """Triage as this desk does it: the rules with the organisation's own intents, blended with
    the adopted model if there is one."""
    with factory() as session:
        model = adopted_model(session)
        catalog = desk_intents(session).catalog
    if model is None:
        return analyze(text, channel=channel, catalog=catalog)
    return analyze_with_corrections([text], model, channel=channel, catalog=catalog)[0]
