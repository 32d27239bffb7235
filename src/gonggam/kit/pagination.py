"""Limit/offset pagination parameters shared by list endpoints."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class Page:
    """Which slice of a list to return."""

    limit: int = 50
    offset: int = 0
