"""One Kiwi morphological analyzer per process.

Loading Kiwi's model takes about a second and tens of MB, so every module that needs Korean
morphemes (triage, coach, knowledge search) shares this instance instead of building its own.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from kiwipiepy import Kiwi

_lock = threading.Lock()


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """Return the process-wide Kiwi analyzer, loading it on first use."""
    with _lock:
        return Kiwi()
