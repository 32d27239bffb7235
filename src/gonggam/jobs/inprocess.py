"""Background passes inside the app process, for a desk that runs as one command.

`gonggam demo` and `gonggam serve` run the passes in a daemon thread unless
GONGGAM_BACKGROUND_JOBS=false (then run `gonggam worker` separately). Passes re-check state in
their own transactions, so a worker and several app processes may all run them.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.orm import Session, sessionmaker

from gonggam.jobs.passes import all_passes, run_due

log = logging.getLogger(__name__)


class BackgroundPasses:
    """A daemon thread that runs due passes every `tick` seconds until stopped."""

    def __init__(self, factory: sessionmaker[Session], *, tick: float = 1.0) -> None:
        self.factory = factory
        self.tick = tick
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="gonggam-passes", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        passes = all_passes()
        while not self._stop.is_set():
            try:
                run_due(self.factory, passes)
            except Exception:  # never let the loop die; run_due already logs each pass
                log.exception("background passes failed")
            self._stop.wait(self.tick)
