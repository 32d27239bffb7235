"""Triage throughput vs Kiwi's own batch tokenization of the same messages, in one run.

Run: .venv/bin/python bench/triage.py [--messages 5000]

Texts are the dev-set messages (tests/data/triage_dev.jsonl) repeated to about 5,000. Kiwi is
warmed first so neither side pays the model load. Also reports single-message `analyze`
latency (p50/p99), a 20,000-character message, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

from gonggam.kit.korean import get_kiwi
from gonggam.triage import analyze, analyze_batch

DEV_SET = Path(__file__).parent.parent / "tests" / "data" / "triage_dev.jsonl"


def load_texts(count: int) -> list[str]:
    lines = DEV_SET.read_text(encoding="utf-8").splitlines()
    base = [json.loads(line)["text"] for line in lines if line.strip()]
    return [base[i % len(base)] for i in range(count)]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def best_of(runs: int, work: object) -> float:
    """Fastest wall time of `runs` calls (the least disturbed by other processes)."""
    assert callable(work)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    texts = load_texts(args.messages)
    chars = sum(len(t) for t in texts)
    kiwi = get_kiwi()
    kiwi.tokenize("워밍업 문장입니다")
    analyze_batch(texts[:50])

    kiwi_seconds = best_of(args.runs, lambda: list(kiwi.tokenize(texts)))
    triage_seconds = best_of(args.runs, lambda: analyze_batch(texts))
    kiwi_rate = len(texts) / kiwi_seconds
    triage_rate = len(texts) / triage_seconds

    latencies = []
    for text in texts[:1000]:
        started = time.perf_counter()
        analyze(text)
        latencies.append((time.perf_counter() - started) * 1000)

    chunk = "배송이 아직도 안 왔어요. 연락처는 010-1234-5678 입니다. 시1발 진짜 너무하네요. "
    long_text = (chunk * (20_000 // len(chunk) + 1))[:20_000]
    long_ms = best_of(args.runs, lambda: analyze(long_text)) * 1000

    tracemalloc.start()
    analyze_batch(texts[:1000])
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{len(texts)} messages, {chars / len(texts):.0f} characters on average")
    print(f"kiwi tokenize (batch)   {kiwi_rate:9.0f} msg/s  ({kiwi_seconds:.2f} s)")
    print(f"triage analyze_batch    {triage_rate:9.0f} msg/s  ({triage_seconds:.2f} s)")
    print(f"ratio triage/kiwi time  {triage_seconds / kiwi_seconds:9.2f}x")
    print(
        f"single analyze          p50 {percentile(latencies, 0.5):.2f} ms  "
        f"p99 {percentile(latencies, 0.99):.2f} ms  mean {statistics.fmean(latencies):.2f} ms"
    )
    print(f"20,000-character message {long_ms:.1f} ms")
    print(f"peak traced allocation (1,000-message batch) {traced_peak / 1e6:.1f} MB")
    print(f"process max RSS {max_rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
