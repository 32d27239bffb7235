"""Plain result types of the reply coach (the `gonggam coach` JSON contract, SPEC 4)."""

from __future__ import annotations

from dataclasses import dataclass, field

# SPEC 2.2 order. The ids are a stable contract: add, never rename.
RULE_IDS: tuple[str, ...] = (
    "context",
    "acknowledge",
    "impact",
    "empathy",
    "no_template",
    "ownership",
    "eta",
    "workaround",
    "urgency",
    "follow_up",
    "gratitude",
    "plain_language",
    "policy_alternative",
    "calm_tone",
)

PASS = "pass"  # noqa: S105 (a rule status, not a secret)
FAIL = "fail"
NOT_APPLICABLE = "n/a"
STATUSES: tuple[str, ...] = (PASS, FAIL, NOT_APPLICABLE)


@dataclass(frozen=True)
class RuleResult:
    """One rule's verdict on one reply.

    `evidence` is the offending span's text (then `span` holds its offsets in the reply) or a
    sentence saying what is missing; `suggestion` is empty unless the rule failed.
    """

    id: str
    status: str
    evidence: str
    suggestion: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class CoachResult:
    """The coach's verdict on a reply: score, one result per rule, cliché spans."""

    score: int
    rules: list[RuleResult]
    cliches: list[tuple[int, int, str]] = field(default_factory=list)
    # The situation the rules were applied for (given or inferred); not part of the JSON contract.
    situation: str = ""

    def rule(self, rule_id: str) -> RuleResult:
        """Return the result of one rule by id."""
        for result in self.rules:
            if result.id == rule_id:
                return result
        raise KeyError(rule_id)

    def to_dict(self) -> dict[str, object]:
        """Return the `gonggam coach` output object (SPEC 4), ready for `json.dumps`."""
        return {
            "score": self.score,
            "rules": [
                {
                    "id": r.id,
                    "status": r.status,
                    "evidence": r.evidence,
                    "suggestion": r.suggestion,
                }
                for r in self.rules
            ],
            "cliches": [[start, end, phrase] for start, end, phrase in self.cliches],
        }
