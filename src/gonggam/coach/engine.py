"""`coach_reply`: run the applicable rules on one reply and score it.

Score = 100 × (weight of passed rules) / (weight of applicable rules), rounded. Weights: the
rules whose failure customers feel most — a canned reply (`no_template`), a failure not
admitted (`acknowledge`), a defensive tone (`calm_tone`) — weigh 3; `context`, `empathy`,
`ownership` and `policy_alternative` weigh 2; `impact` and `eta` 1.5; the rest 1.
"""

from __future__ import annotations

from collections.abc import Sequence

from gonggam.coach.cliches import find_cliches
from gonggam.coach.result import NOT_APPLICABLE, PASS, RULE_IDS, CoachResult, RuleResult
from gonggam.coach.rules import CHECKS, CoachContext
from gonggam.coach.rules.form import POLICY, detect_refusal
from gonggam.coach.rules.understanding import IMPACT
from gonggam.coach.situation import REFUSALS, applicable_rules, infer_situation, parse_situation
from gonggam.coach.text import analyze

WEIGHTS: dict[str, float] = {
    "context": 2.0,
    "acknowledge": 3.0,
    "impact": 1.5,
    "empathy": 2.0,
    "no_template": 3.0,
    "ownership": 2.0,
    "eta": 1.5,
    "workaround": 1.0,
    "urgency": 1.0,
    "follow_up": 1.0,
    "gratitude": 1.0,
    "plain_language": 1.0,
    "policy_alternative": 2.0,
    "calm_tone": 3.0,
}


def coach_reply(
    reply: str,
    *,
    customer_message: str | None = None,
    situation: str | None = None,
    previous_replies: Sequence[str] = (),
    extra_cliches: Sequence[str] = (),
) -> CoachResult:
    """Coach one reply against the rules of SPEC 2.2.

    `situation` is one of `Situation` (or an alias); when absent it is inferred from the
    customer's message and the reply. `previous_replies` are the agent's replies to other
    customers (near-copies fail `no_template`); `extra_cliches` extend the cliché lexicon.
    Raises ValueError for an unknown situation.
    """
    analyzed = analyze(reply)
    customer = analyze(customer_message) if customer_message and customer_message.strip() else None
    cliches = find_cliches(analyzed, extra_cliches)
    parsed = parse_situation(situation)
    refusal = detect_refusal(reply)
    # A refusal without any policy word ("오늘 배송은 어렵습니다") is a limit, not a policy
    # refusal; it only triggers `policy_alternative` when the situation is a refusal.
    policy_refusal = refusal is not None and POLICY.search(reply) is not None
    refusing = policy_refusal or (refusal is not None and parsed in REFUSALS)
    resolved = parsed or infer_situation(customer_message, reply, refusing=refusal is not None)
    if resolved in REFUSALS and refusal is not None:
        refusing = True
    applicable = applicable_rules(resolved, refusing=refusing)
    ctx = CoachContext(
        reply=analyzed,
        customer=customer,
        situation=resolved,
        refusing=refusing,
        cliches=cliches,
        previous_replies=previous_replies,
        impact_patterns=IMPACT,
    )
    results: list[RuleResult] = []
    for rule_id in RULE_IDS:
        if rule_id in applicable:
            results.append(ctx.verdict(rule_id, CHECKS[rule_id]))
        else:
            results.append(RuleResult(rule_id, NOT_APPLICABLE, _why_not(ctx, rule_id), ""))
    return CoachResult(
        score=score(results), rules=results, cliches=cliches, situation=resolved.value
    )


def _why_not(ctx: CoachContext, rule_id: str) -> str:
    """Evidence for an `n/a`: why the rule does not apply to this reply."""
    if rule_id == "policy_alternative":
        return ctx.say("거절하는 내용이 없습니다", "nothing is refused")
    if rule_id == "workaround" and ctx.situation.value == "mistake":
        return ctx.say(
            "바로잡으면 끝나는 실수라 임시 방법이 필요 없습니다",
            "a correction needs no interim step",
        )
    return ctx.say(
        f"'{ctx.situation.value}' 상황에는 해당하지 않습니다",
        f"does not apply to the '{ctx.situation.value}' situation",
    )


def score(results: Sequence[RuleResult]) -> int:
    """Weighted share of applicable rules that pass, 0–100."""
    total = sum(WEIGHTS[r.id] for r in results if r.status != NOT_APPLICABLE)
    if total == 0:
        return 100
    won = sum(WEIGHTS[r.id] for r in results if r.status == PASS)
    return round(100 * won / total)
