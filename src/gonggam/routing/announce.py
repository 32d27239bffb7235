"""What customers hear about their wait, callbacks instead of holding, and how accurate we were.

`announcement` gives the sentence a channel says or writes ("예상 대기 시간 약 7분"); when the
wait is long or unknown it adds the callback / leave-a-message offer (SPEC 2.3 "long waits").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.routing.callbacks import CALLBACK_OUTCOME
from gonggam.routing.models import WaitAnnouncement
from gonggam.routing.waittime import WaitEstimate

# From this many minutes on, customers are offered a callback instead of holding.
LONG_WAIT_MINUTES = 10

WORDS = {
    "ko": {
        "position": "현재 대기 순서는 {position}번째입니다.",
        "minutes": "예상 대기 시간 약 {minutes}분입니다.",
        "soon": "곧 상담사가 연결됩니다.",
        "unknown": "지금은 연결 가능한 상담사가 없어 대기 시간을 안내해 드리기 어렵습니다.",
        "offer": (
            "기다리지 않으셔도 됩니다. 콜백을 요청하시거나 메시지를 남겨 주시면 "
            "상담사가 순서대로 연락드리겠습니다."
        ),
    },
    "en": {
        "position": "You are number {position} in the queue.",
        "minutes": "Estimated wait about {minutes} min.",
        "soon": "An agent will be with you shortly.",
        "unknown": "No agent is available right now, so we cannot estimate your wait.",
        "offer": (
            "You don't have to hold: request a callback or leave a message and an agent "
            "will get back to you in turn."
        ),
    },
}


def wait_minutes(seconds: int) -> int:
    """Whole minutes, rounded up: a customer told 7 minutes should not wait 7½."""
    return max(1, math.ceil(seconds / 60))


def wait_sentence(estimate: WaitEstimate) -> str:
    """Position and expected wait as a channel tells a waiting customer in Korean
    ("현재 대기 순서는 3번째입니다. 예상 대기 시간은 약 7분입니다."); nothing about time when
    the estimate is unknown, '' when they are not queued."""
    sentences = []
    if estimate.position is not None:
        sentences.append(f"현재 대기 순서는 {estimate.position}번째입니다.")
    seconds = estimate.estimated_wait_seconds
    if seconds is not None:
        minutes = wait_minutes(seconds)
        if minutes < 60:
            sentences.append(f"예상 대기 시간은 약 {minutes}분입니다.")
        else:
            hours, rest = divmod(minutes, 60)
            spoken = f"{hours}시간 {rest}분" if rest else f"{hours}시간"
            sentences.append(f"예상 대기 시간은 약 {spoken}입니다.")
    return " ".join(sentences)


def announcement(estimate: WaitEstimate, *, locale: str = "ko") -> str:
    """The words for a waiting customer, Korean by default; '' when they are not queued."""
    words = WORDS.get(locale, WORDS["ko"])
    if estimate.position is None:
        return ""
    parts = [words["position"].format(position=estimate.position)]
    seconds = estimate.estimated_wait_seconds
    if seconds is None:
        parts.append(words["unknown"])
    elif seconds < 60:
        parts.append(words["soon"])
    else:
        parts.append(words["minutes"].format(minutes=wait_minutes(seconds)))
    if is_long(estimate):
        parts.append(words["offer"])
    return " ".join(parts)


def is_long(estimate: WaitEstimate) -> bool:
    """Long enough (or unknown) to offer a callback or leaving a message."""
    if estimate.position is None:
        return False
    seconds = estimate.estimated_wait_seconds
    return seconds is None or seconds >= LONG_WAIT_MINUTES * 60


@dataclass(frozen=True)
class AccuracyReport:
    announced: int
    served: int
    abandoned: int
    # Customers who stopped holding and asked to be called back: neither served nor gone.
    callbacks: int
    mean_announced_seconds: float | None
    mean_actual_seconds: float | None
    mean_absolute_error_seconds: float | None


def accuracy_report(session: Session, *, since: datetime | None = None) -> AccuracyReport:
    """Announced wait against actual wait, over announcements whose customer was served."""
    query = select(WaitAnnouncement)
    if since is not None:
        query = query.where(WaitAnnouncement.announced_at >= since)
    rows = list(session.scalars(query))
    pairs = [
        (r.estimated_wait_seconds, r.actual_wait_seconds)
        for r in rows
        if r.outcome == "served"
        and r.estimated_wait_seconds is not None
        and r.actual_wait_seconds is not None
    ]
    n = len(pairs)
    return AccuracyReport(
        announced=len(rows),
        served=sum(1 for r in rows if r.outcome == "served"),
        abandoned=sum(1 for r in rows if r.outcome == "abandoned"),
        callbacks=sum(1 for r in rows if r.outcome == CALLBACK_OUTCOME),
        mean_announced_seconds=sum(a for a, _ in pairs) / n if n else None,
        mean_actual_seconds=sum(b for _, b in pairs) / n if n else None,
        mean_absolute_error_seconds=sum(abs(a - b) for a, b in pairs) / n if n else None,
    )
