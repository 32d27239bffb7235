"""Triage: what a customer message is about, how the customer feels, abuse and personal data.

Pure Korean/English analysis (no database, no web): text in, plain dataclasses out.
"""

from gonggam.triage.abuse import find_abuse, mask_abuse
from gonggam.triage.analyzer import CONTRACT_KEYS, Analysis, analyze, analyze_batch
from gonggam.triage.churn import churn_risk
from gonggam.triage.intent import IntentCatalog, IntentDefinition
from gonggam.triage.pii import find_pii, mask_pii

__all__ = [
    "CONTRACT_KEYS",
    "Analysis",
    "IntentCatalog",
    "IntentDefinition",
    "analyze",
    "analyze_batch",
    "churn_risk",
    "find_abuse",
    "find_pii",
    "mask_abuse",
    "mask_pii",
]
