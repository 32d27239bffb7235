"""Coaching latency vs plain Kiwi tokenization of the same Korean replies, in one run.

Every sentence carries its own numbers, so no reply repeats a sentence the coach has read
before ("cold"). A second measure is the composer's case: the agent has typed a reply,
pauses, and the coach reads it again with the last 20 characters new ("while typing").

Run: .venv/bin/python bench/coach.py
"""

from __future__ import annotations

import random
import statistics
import time

from gonggam.coach import coach_reply
from gonggam.kit.korean import get_kiwi

SENTENCES = [
    "어제 저녁 {n}번 주문의 결제 오류로 주문을 못 하셔서 많이 답답하셨겠어요.",
    "저희 결제 시스템 문제로 카드 승인이 두 번 났고 {n}원이 더 나갔는데, 이는 저희 책임입니다.",
    "지금 담당 팀이 최우선으로 복구 중이며 오늘 오후 {h}시까지 취소해 드리겠습니다.",
    "그동안은 계좌이체로 {n}원 주문하실 수 있습니다.",
    "처리가 끝나면 제가 {h}시쯤 직접 다시 연락드려 확인하겠습니다.",
    "{n}번 주문에 불편을 드려 죄송합니다.",
    "배송은 택배사 사정으로 {h}일 늦어질 수 있어요.",
    "{n}번 문의로 알려 주셔서 감사합니다.",
]
CUSTOMER = "어제 결제했는데 카드에서 돈이 두 번 빠져나갔어요. 장사를 못 하고 있어요."


def make_reply(length: int, rng: random.Random) -> str:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < length:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence.format(n=rng.randrange(10**5, 10**7), h=rng.randrange(1, 12)))
    return " ".join(parts)[:length]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    rng = random.Random(7)
    kiwi = get_kiwi()
    coach_reply("워밍업", customer_message=CUSTOMER)
    print(f"{'chars':>6} {'what':<26} {'p50 ms':>8} {'p99 ms':>8}")
    for length in (200, 2000):
        replies = [make_reply(length, rng) for _ in range(300)]
        base: list[float] = []
        coach: list[float] = []
        typing: list[float] = []
        for reply in replies:
            start = time.perf_counter()
            kiwi.tokenize(reply)
            base.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            coach_reply(reply, customer_message=CUSTOMER, situation="payment_error")
            coach.append((time.perf_counter() - start) * 1000)
        for reply in (make_reply(length, rng) for _ in range(300)):
            # Coached at the previous pause, 20 characters ago; timed at this one.
            coach_reply(reply[:-20], customer_message=CUSTOMER, situation="payment_error")
            start = time.perf_counter()
            coach_reply(reply, customer_message=CUSTOMER, situation="payment_error")
            typing.append((time.perf_counter() - start) * 1000)
        rows = (
            ("kiwi tokenize (baseline)", base),
            ("coach_reply, cold", coach),
            ("coach_reply, typing", typing),
        )
        for name, samples in rows:
            p50, p99 = statistics.median(samples), percentile(samples, 0.99)
            print(f"{length:>6} {name:<26} {p50:>8.2f} {p99:>8.2f}")
        for name, samples in rows[1:]:
            ratio = statistics.median(samples) / statistics.median(base)
            print(f"{length:>6} ratio {name} / kiwi p50: {ratio:.2f}x")


if __name__ == "__main__":
    main()
