"""Reply coaching (SPEC 2.2, 2.4): pure text in, plain dataclasses out — no database, no web.

`coach_reply` checks a reply against the fourteen rules of SPEC 2.2 and finds boilerplate;
`compose_draft` writes a specific reply from a conversation's facts; `best_draft` prefers an
optional OpenAI-compatible model and falls back to the built-in composer.
"""

from __future__ import annotations

from gonggam.coach.engine import WEIGHTS, coach_reply
from gonggam.coach.result import RULE_IDS, CoachResult, RuleResult
from gonggam.coach.situation import Situation

__all__ = ["RULE_IDS", "WEIGHTS", "CoachResult", "RuleResult", "Situation", "coach_reply"]
