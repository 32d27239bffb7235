"""The periodic passes `gonggam worker` runs, each at its own interval.

A pass takes the session factory and returns how many things it did. Domains keep the work in
their own `tasks.py`; this list only says how often each runs. Passes must be safe to run in
several workers at once (they re-check state inside their own transactions).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.email.tasks import imap_pass
from gonggam.channels.outbox import deliver_pass
from gonggam.corrections.tasks import learn_from_corrections
from gonggam.jobs.retriage import retriage_pending
from gonggam.routing.tasks import dispatch_pass, sla_pass

log = logging.getLogger(__name__)


@dataclass
class Pass:
    name: str
    every_seconds: float
    run: Callable[[sessionmaker[Session]], int]
    last_started: float = field(default=float("-inf"))


def all_passes() -> list[Pass]:
    """Every background pass, fresh (the timers start unset so the first round runs them all)."""
    return [
        Pass("retriage", 10.0, retriage_pending),
        Pass("outbox", 2.0, deliver_pass),
        Pass("routing.dispatch", 15.0, dispatch_pass),
        Pass("routing.sla", 30.0, sla_pass),
        Pass("triage-learning", 24 * 3600.0, learn_from_corrections),
        Pass("imap", 30.0, imap_pass),
    ]


def run_due(
    factory: sessionmaker[Session], passes: list[Pass], *, now: float | None = None
) -> dict[str, int]:
    """Run the passes whose interval has elapsed; a failing pass does not stop the others."""
    now = time.monotonic() if now is None else now
    done: dict[str, int] = {}
    for job in passes:
        if now - job.last_started < job.every_seconds:
            continue
        job.last_started = now
        try:
            done[job.name] = job.run(factory)
        except Exception:
            log.exception("background pass %s failed", job.name)
    return done
