"""Background learning: retrain from new corrections (a daily pass of `gonggam worker`)."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker

from gonggam.corrections.learning import train_from_corrections

log = logging.getLogger(__name__)


def learn_from_corrections(factory: sessionmaker[Session]) -> int:
    """Train when corrections arrived since the last model; returns the corrections used."""
    with factory() as session:
        training = train_from_corrections(session)
    if training.record_id is not None:
        log.info(
            "triage model %s from %d corrections: rules %d vs learned %d of held-out labels",
            training.record_id,
            training.corrections,
            training.verdict.rules_right,
            training.verdict.learned_right,
        )
    return training.corrections
