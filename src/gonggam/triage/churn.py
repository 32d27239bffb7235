"""Churn risk from a customer's history of bad experiences (SPEC 3.3).

One bad experience makes switching likely; two make it most likely.
"""

from __future__ import annotations

CHURN_LEVELS: tuple[str, ...] = ("low", "elevated", "high")


def churn_risk(negative_experiences: int) -> str:
    """Return "low" (none), "elevated" (one) or "high" (two or more bad experiences)."""
    if negative_experiences <= 0:
        return "low"
    if negative_experiences == 1:
        return "elevated"
    return "high"
