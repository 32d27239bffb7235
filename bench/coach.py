"""Coaching latency vs plain Kiwi tokenization of the same Korean replies, in one run.

Run: .venv/bin/python bench/coach.py
"""

from __future__ import annotations

import random
import statistics
import time

from gonggam.coach import coach_reply
from gonggam.kit.korean import get_kiwi

SENTENCES = [
    "어제 저녁 결제 오류로 주문을 못 하셔서 많이 답답하셨겠어요.",
    "저희 결제 시스템 문제로 카드 승인이 두 번 났고, 이는 저희 책임입니다.",
    "지금 담당 팀이 최우선으로 복구 중이며 오늘 오후 6시까지 취소해 드리겠습니다.",
    "그동안은 계좌이체로 주문하실 수 있습니다.",
    "처리가 끝나면 제가 직접 다시 연락드려 확인하겠습니다.",
    "불편을 드려 죄송합니다.",
    "배송은 택배사 사정으로 2~3일 늦어질 수 있어요.",
    "알려 주셔서 감사합니다.",
]
CUSTOMER = "어제 결제했는데 카드에서 돈이 두 번 빠져나갔어요. 장사를 못 하고 있어요."


def make_reply(length: int, rng: random.Random) -> str:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(rng.choice(SENTENCES))
    return " ".join(parts)[:length]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    rng = random.Random(7)
    kiwi = get_kiwi()
    coach_reply("워밍업", customer_message=CUSTOMER)
    print(f"{'chars':>6} {'what':<22} {'p50 ms':>8} {'p99 ms':>8}")
    for length in (200, 2000):
        replies = [make_reply(length, rng) for _ in range(300)]
        base: list[float] = []
        coach: list[float] = []
        for reply in replies:
            start = time.perf_counter()
            kiwi.tokenize(reply)
            base.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            coach_reply(reply, customer_message=CUSTOMER, situation="payment_error")
            coach.append((time.perf_counter() - start) * 1000)
        rows = (("kiwi tokenize (baseline)", base), ("coach_reply", coach))
        for name, samples in rows:
            p50, p99 = statistics.median(samples), percentile(samples, 0.99)
            print(f"{length:>6} {name:<22} {p50:>8.2f} {p99:>8.2f}")
        ratio = statistics.median(coach) / statistics.median(base)
        print(f"{length:>6} ratio coach/kiwi p50: {ratio:.2f}x")


if __name__ == "__main__":
    main()
