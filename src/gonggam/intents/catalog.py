"""The desk's intent catalog: the built-in intents plus the organisation's, cached per process.

Every lookup costs one small query (count, newest id, newest change); the catalog is rebuilt
only when that answer changes, so every app process and worker sees an admin's change on its
next message without any message between processes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.intents.models import CustomIntent
from gonggam.triage.intent import INTENTS, IntentCatalog, IntentDefinition


@dataclass(frozen=True)
class DeskIntents:
    """The catalog triage uses, the organisation's intent names and their labels."""

    catalog: IntentCatalog
    custom: tuple[str, ...] = ()
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """Every intent an agent may pick: the built-in ones, then the organisation's."""
        return (*INTENTS, *self.custom)


def definitions(rows: Sequence[CustomIntent]) -> list[IntentDefinition]:
    """Triage definitions of stored intents (Korean and English cues together)."""
    return [IntentDefinition.from_cues(r.name, [*r.cues_ko, *r.cues_en]) for r in rows]


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple[object, ...] | None = None
        self.value = DeskIntents(IntentCatalog.default())


_cache = _Cache()


def desk_intents(session: Session) -> DeskIntents:
    """The current intents of this desk (rebuilt only after an admin changed them)."""
    count, newest, changed = session.execute(
        select(
            func.count(CustomIntent.id),
            func.max(CustomIntent.id),
            func.max(CustomIntent.updated_at),
        )
    ).one()
    key = (str(session.get_bind().engine.url), count, newest, str(changed))
    with _cache.lock:
        if _cache.key == key:
            return _cache.value
    rows = list(session.scalars(select(CustomIntent).order_by(CustomIntent.id)))
    value = DeskIntents(
        catalog=IntentCatalog.default().with_intents(*definitions(rows)),
        custom=tuple(r.name for r in rows),
        labels={r.name: {"ko": r.label_ko, "en": r.label_en} for r in rows},
    )
    with _cache.lock:
        _cache.key, _cache.value = key, value
    return value


def custom_label(locale: str, name: str | None) -> str | None:
    """The organisation's own label for an intent this process has loaded, else None."""
    if not name:
        return None
    labels = _cache.value.labels.get(name)
    return (labels.get(locale) or labels["ko"]) if labels else None
