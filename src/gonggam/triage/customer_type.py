"""Which difficult-customer playbook fits (SPEC 2.4)."""

from __future__ import annotations

from gonggam.triage.features import Features, compile_phrases, cue_score
from gonggam.triage.lexicon.emotions import EXCESSIVE_DEMAND, SERVICE_COMPLAINT

CUSTOMER_TYPES: tuple[str, ...] = ("excessive_demand", "emotional", "service_complaint", "standard")
_EXCESSIVE = compile_phrases(EXCESSIVE_DEMAND)
_SERVICE = compile_phrases(SERVICE_COMPLAINT)
# How intense anger or frustration must be before the "calm the emotion first" playbook fits.
_ANGRY_VENTING = 0.7
_FRUSTRATED_VENTING = 0.8


def classify_customer_type(
    features: Features, *, intent: str, emotion: str, intensity: float, abusive: bool
) -> str:
    """Demands beyond policy first, then complaints about the service, then venting, else standard.

    Demands decide the playbook even when the customer is also angry: the agent must state the
    policy and a final offer. A complaint about staff, waiting or unanswered contact gets the
    fast-response playbook. Abuse or strong anger without either is emotional.
    """
    if emotion == "satisfied":
        return "standard"
    if cue_score(features, {}, _EXCESSIVE) >= 2.0:
        return "excessive_demand"
    service = cue_score(features, {}, _SERVICE)
    if service >= 2.0 or (intent == "service_complaint" and not abusive):
        return "service_complaint"
    if abusive:
        return "emotional"
    if (emotion == "angry" and intensity >= _ANGRY_VENTING) or (
        emotion == "frustrated" and intensity >= _FRUSTRATED_VENTING
    ):
        return "emotional"
    return "standard"
