"""Business time in Korea: 09:00–18:00 KST on weekdays that are not public holidays.

SLA targets count business minutes, so a conversation that arrives on Friday evening or on the
eve of 추석 is not "late" before the team is back. Holidays come from the pinned `holidays`
package (Korean public holidays, substitute holidays included). Pure: no database, no clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

import holidays

KST = timezone(timedelta(hours=9))
OPENS = time(9, 0)
CLOSES = time(18, 0)
# A target can span many days; stop looking after this many calendar days.
HORIZON_DAYS = 3660


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("KR", years=year).keys())


def is_working_day(day: date) -> bool:
    """A weekday that is not a Korean public holiday."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def _window(day: date) -> tuple[datetime, datetime]:
    return datetime.combine(day, OPENS, KST), datetime.combine(day, CLOSES, KST)


def add_business_seconds(start: datetime, seconds: float) -> datetime:
    """The moment `seconds` of business time after `start`."""
    at = start.astimezone(KST)
    left = max(0.0, seconds)
    day = at.date()
    for _ in range(HORIZON_DAYS):
        if is_working_day(day):
            opens, closes = _window(day)
            begin = max(at, opens)
            if begin < closes:
                room = (closes - begin).total_seconds()
                if left <= room:
                    return begin + timedelta(seconds=left)
                left -= room
        day += timedelta(days=1)
        at = datetime.combine(day, time(0, 0), KST)
    raise ValueError("business-time target beyond the horizon")


def business_seconds_between(start: datetime, end: datetime) -> float:
    """Business seconds from `start` to `end` (negative when `end` is earlier)."""
    if end < start:
        return -business_seconds_between(end, start)
    first, last = start.astimezone(KST), end.astimezone(KST)
    total = 0.0
    day = first.date()
    while day <= last.date():
        if is_working_day(day):
            opens, closes = _window(day)
            begin, finish = max(first, opens), min(last, closes)
            if finish > begin:
                total += (finish - begin).total_seconds()
        day += timedelta(days=1)
    return total


def add_seconds(start: datetime, seconds: float, *, business_hours: bool) -> datetime:
    """`start` plus `seconds` of business time, or of wall time for round-the-clock targets."""
    if business_hours:
        return add_business_seconds(start, seconds)
    return start + timedelta(seconds=seconds)


def seconds_between(start: datetime, end: datetime, *, business_hours: bool) -> float:
    """Business or wall seconds from `start` to `end`."""
    if business_hours:
        return business_seconds_between(start, end)
    return (end - start).total_seconds()
