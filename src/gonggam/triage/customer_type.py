"""Which difficult-customer playbook fits (SPEC 2.4)."""

from __future__ import annotations

from gonggam.triage.features import Features, compile_phrases, cue_score
from gonggam.triage.lexicon.emotions import EXCESSIVE_DEMAND, SERVICE_COMPLAINT

CUSTOMER_TYPES: tuple[str, ...] = ("excessive_demand", "emotional", "service_complaint", "standard")
_EXCESSIVE = compile_phrases(EXCESSIVE_DEMAND)
_SERVICE = compile_phrases(SERVICE_COMPLAINT)


def classify_customer_type(
    features: Features, *, intent: str, emotion: str, intensity: float, abusive: bool
) -> str:
    """Demands beyond policy first, then complaints about the service, then venting, else standard.

    Demands decide the playbook even when the customer is also angry: the agent must state the
    policy and a final offer. A staff or waiting complaint gets the fast-response playbook.
    """
    if cue_score(features, {}, _EXCESSIVE) >= 2.0:
        return "excessive_demand"
    if intent == "service_complaint" or cue_score(features, {}, _SERVICE) >= 2.5:
        return "service_complaint"
    if abusive or (emotion in ("angry", "frustrated") and intensity >= 0.7):
        return "emotional"
    return "standard"
