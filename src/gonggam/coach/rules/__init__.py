"""The fourteen coaching rules of SPEC 2.2, one module per family."""

from __future__ import annotations

from collections.abc import Callable

from gonggam.coach.result import RuleResult
from gonggam.coach.rules import commitment, form, understanding
from gonggam.coach.rules.base import CoachContext

RuleCheck = Callable[[CoachContext], RuleResult]

CHECKS: dict[str, RuleCheck] = {**understanding.RULES, **commitment.RULES, **form.RULES}

__all__ = ["CHECKS", "CoachContext", "RuleCheck"]
