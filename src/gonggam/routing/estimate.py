"""Waiting-time maths, pure: no database, no clock. The product and bench/waittime.py share it.

Two estimators:

- `erlang_c_wait`: the textbook M/M/c expected wait for a customer arriving at a random moment.
  It knows only averages (arrival rate, mean handle time, servers), so it tells every customer
  the same number whatever their place in the queue.
- `position_wait`: the wait of *this* customer, who has `position - 1` people ahead. It plays
  the queue forward many times: each busy server finishes its current conversation after a
  residual time drawn from the recent handle times longer than what it has already spent
  (a long call that is still going is likely to go on), each free server takes the next
  customer, every later conversation takes a fresh handle time, and customers ahead leave the
  queue when their (exponential) patience runs out, as the recent abandonments say. The
  announced figure is the median of those futures, which minimises the absolute error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

# Futures simulated per estimate: enough for a stable median, cheap at queue sizes of a desk.
PATHS = 400


@dataclass(frozen=True)
class QueueState:
    """What is known right now about one queue.

    `busy_elapsed_seconds`: for each conversation in service, how long it has been going.
    `handle_seconds`: recent completed handle times (the empirical distribution).
    `ahead_waited_seconds`: how long each customer ahead has already waited (oldest first).
    `abandon_rate_per_second`: recent abandonments per second of queue waiting (0 = nobody
    leaves).
    """

    servers: int
    busy_elapsed_seconds: Sequence[float]
    handle_seconds: Sequence[float]
    ahead_waited_seconds: Sequence[float] = field(default_factory=tuple)
    abandon_rate_per_second: float = 0.0


def erlang_c_probability(servers: int, offered_load: float) -> float:
    """Erlang C: the probability that an arriving customer has to wait (load in Erlangs)."""
    if servers <= 0:
        return 1.0
    if offered_load >= servers:
        return 1.0
    # The Erlang B recursion is numerically stable for hundreds of servers.
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = offered_load * blocking / (k + offered_load * blocking)
    rho = offered_load / servers
    return blocking / (1 - rho + rho * blocking)


def erlang_c_wait(
    *, servers: int, arrivals_per_second: float, mean_handle_seconds: float
) -> float | None:
    """Expected queue wait of an M/M/c system; None when it has no steady state (overload)."""
    if servers <= 0 or mean_handle_seconds <= 0:
        return None
    load = arrivals_per_second * mean_handle_seconds
    if load >= servers:
        return None
    service_rate = 1.0 / mean_handle_seconds
    return erlang_c_probability(servers, load) / (servers * service_rate - arrivals_per_second)


def _residuals(
    rng: np.random.Generator, handle: np.ndarray, elapsed: float, paths: int
) -> np.ndarray:
    """Remaining time of a conversation `elapsed` seconds in: handle times longer than that."""
    longer = handle[handle > elapsed]
    if longer.size == 0:
        # Longer than anything seen lately: assume it goes on another median-ish stretch.
        return np.full(paths, float(np.median(handle)) * 0.5)
    return rng.choice(longer, size=paths) - elapsed


def position_wait(state: QueueState, *, position: int, seed: int = 0) -> float | None:
    """Median wait, in seconds, of the customer at `position` (1 = next) of this queue.

    None when nobody is staffed (the wait is unknown) or there is no handle-time history.
    """
    if state.servers <= 0 or not state.handle_seconds or position < 1:
        return None
    handle = np.asarray(state.handle_seconds, dtype=float)
    rng = np.random.default_rng(seed)
    servers = state.servers
    busy = list(state.busy_elapsed_seconds)[:servers]
    free_at = np.zeros((PATHS, servers))
    for slot, elapsed in enumerate(busy):
        free_at[:, slot] = _residuals(rng, handle, max(0.0, elapsed), PATHS)
    ahead = list(state.ahead_waited_seconds)[: position - 1]
    ahead += [0.0] * (position - 1 - len(ahead))
    rate = max(0.0, state.abandon_rate_per_second)
    rows = np.arange(PATHS)
    for _waited in ahead:
        slot = free_at.argmin(axis=1)
        start = free_at[rows, slot]
        # Patience is memoryless, so what a customer has waited already does not matter.
        patience = rng.exponential(1.0 / rate, PATHS) if rate > 0 else np.full(PATHS, np.inf)
        stays = patience > start
        service = rng.choice(handle, size=PATHS)
        free_at[rows, slot] = np.where(stays, start + service, start)
    wait = free_at.min(axis=1)
    return float(np.median(wait))


def last_customers_wait(recent_waits: Sequence[float], *, count: int = 10) -> float | None:
    """The 'last ten customers waited on average' rule of thumb (a bench baseline)."""
    tail = list(recent_waits)[-count:]
    return sum(tail) / len(tail) if tail else None


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean; 0 for an empty sequence."""
    return math.fsum(values) / len(values) if values else 0.0
