"""Announced wait vs actual wait on a simulated contact centre (simpy).

Customers arrive as a time-varying Poisson process, handle times are log-normal, several agents
serve one FIFO queue, and customers hang up when their (exponential) patience runs out. For
every arriving customer the bench records, from the live state at that moment:

- gonggam: `routing.estimate.position_wait`, the function the product announces from;
- Erlang C: the M/M/c expected wait, given the true arrival rate of that moment and the true
  mean handle time (its best case: estimating them from recent history makes it far worse near
  saturation). When the load exceeds the agents Erlang C has no steady state; the bench then
  uses the fluid figure queue length × mean handle time / agents;
- last 10: the average wait of the last ten customers who reached an agent;

and then the wait it really got. Mean absolute error over customers who reached an agent
(those who hung up have no actual wait to compare with), after a 30-minute warm-up.

    .venv/bin/python bench/waittime.py
"""

from __future__ import annotations

import math
import random
import time
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import simpy

from gonggam.routing.estimate import (
    QueueState,
    erlang_c_wait,
    last_customers_wait,
    mean,
    position_wait,
)

HOURS = 8
WARM_UP = 1800.0
HISTORY = 200  # handle times and queue exits the live state remembers


@dataclass(frozen=True)
class Scenario:
    name: str
    agents: int
    mean_handle: float
    handle_sigma: float
    mean_patience: float
    # Arrivals per second at time t (seconds since opening).
    rate: Callable[[float], float]


def _daily(agents: int, mean_handle: float, load: float) -> Callable[[float], float]:
    base = load * agents / mean_handle
    return lambda t: base * (1 + 0.3 * math.sin(2 * math.pi * t / (HOURS * 3600)))


def _surge(agents: int, mean_handle: float) -> Callable[[float], float]:
    def rate(t: float) -> float:
        load = 1.4 if 2 * 3600 <= t < 3 * 3600 else 0.7
        return load * agents / mean_handle

    return rate


SCENARIOS = (
    Scenario("light", 6, 300.0, 0.8, 900.0, _daily(6, 300.0, 0.6)),
    Scenario("heavy", 10, 300.0, 0.9, 600.0, _daily(10, 300.0, 0.95)),
    Scenario("surge", 8, 240.0, 1.0, 480.0, _surge(8, 240.0)),
)


@dataclass
class Centre:
    env: simpy.Environment
    agents: simpy.Resource
    in_service: dict[int, float] = field(default_factory=dict)  # customer → service start
    waiting: dict[int, float] = field(default_factory=dict)  # customer → arrival (FIFO order)
    handle_times: deque[float] = field(default_factory=lambda: deque(maxlen=HISTORY))
    exits: deque[tuple[float, bool]] = field(default_factory=lambda: deque(maxlen=HISTORY))
    served_waits: deque[float] = field(default_factory=lambda: deque(maxlen=10))
    records: list[tuple[float, float, float, float]] = field(default_factory=list)

    def live_state(self, now: float) -> QueueState:
        """What the product would read from its tables at this moment."""
        exposure = sum(waited for waited, _ in self.exits) + sum(
            now - t for t in self.waiting.values()
        )
        abandons = sum(1 for _, left in self.exits if left)
        return QueueState(
            servers=self.agents.capacity,
            busy_elapsed_seconds=[now - t for t in self.in_service.values()],
            handle_seconds=list(self.handle_times),
            ahead_waited_seconds=[now - t for t in self.waiting.values()],
            abandon_rate_per_second=abandons / exposure if exposure > 0 else 0.0,
        )


def _erlang_estimate(centre: Centre, scenario: Scenario, now: float, ahead: int) -> float:
    """Erlang C fed the true arrival rate and mean handle time of this moment (its best case)."""
    wait = erlang_c_wait(
        servers=centre.agents.capacity,
        arrivals_per_second=scenario.rate(now),
        mean_handle_seconds=scenario.mean_handle,
    )
    if wait is None:
        return ahead * scenario.mean_handle / centre.agents.capacity
    return wait


def customer(
    centre: Centre, number: int, scenario: Scenario, rng: random.Random
) -> Generator[Any, Any, None]:
    env = centre.env
    arrived = env.now
    free = centre.agents.capacity - len(centre.in_service)
    ahead = len(centre.waiting)
    if free > 0 and ahead == 0:
        ours: float | None = 0.0
    else:
        ours = position_wait(centre.live_state(arrived), position=ahead + 1, seed=number)
    erlang = _erlang_estimate(centre, scenario, arrived, ahead)
    last10 = last_customers_wait(list(centre.served_waits)) or 0.0
    centre.waiting[number] = arrived
    patience = rng.expovariate(1.0 / scenario.mean_patience)
    mu = math.log(scenario.mean_handle) - scenario.handle_sigma**2 / 2
    with centre.agents.request() as request:
        outcome = yield request | env.timeout(patience)
        del centre.waiting[number]
        waited = env.now - arrived
        if request not in outcome:
            centre.exits.append((waited, True))
            return
        centre.exits.append((waited, False))
        centre.served_waits.append(waited)
        if arrived >= WARM_UP:
            centre.records.append((ours or 0.0, erlang, last10, waited))
        centre.in_service[number] = env.now
        handle = rng.lognormvariate(mu, scenario.handle_sigma)
        yield env.timeout(handle)
        del centre.in_service[number]
        centre.handle_times.append(handle)


def arrivals(centre: Centre, scenario: Scenario, rng: random.Random) -> Generator[Any, Any, None]:
    """Time-varying Poisson arrivals by thinning a process at the peak rate."""
    end = HOURS * 3600
    peak = max(scenario.rate(t) for t in range(0, end, 60))
    number = 0
    while True:
        yield centre.env.timeout(rng.expovariate(peak))
        if centre.env.now >= end:
            return
        if rng.random() < scenario.rate(centre.env.now) / peak:
            number += 1
            centre.env.process(customer(centre, number, scenario, rng))


def run(scenario: Scenario, seed: int) -> list[tuple[float, float, float, float]]:
    env = simpy.Environment()
    centre = Centre(env=env, agents=simpy.Resource(env, capacity=scenario.agents))
    rng = random.Random(seed)
    env.process(arrivals(centre, scenario, rng))
    env.run()
    return centre.records


def main() -> None:
    seeds = (1, 2, 3)
    print(f"{HOURS} simulated hours per run, seeds {seeds}; mean absolute error in seconds\n")
    print("| scenario | customers | mean wait | gonggam | Erlang C | last 10 | time s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for scenario in SCENARIOS:
        started = time.perf_counter()
        records = [r for seed in seeds for r in run(scenario, seed)]
        actual = [r[3] for r in records]
        errors = [mean([abs(r[i] - r[3]) for r in records]) for i in range(3)]
        print(
            f"| {scenario.name} | {len(records)} | {mean(actual):.0f} | {errors[0]:.0f} "
            f"| {errors[1]:.0f} | {errors[2]:.0f} | {time.perf_counter() - started:.1f} |"
        )


if __name__ == "__main__":
    main()
