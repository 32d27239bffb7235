"""Prometheus metrics exposed at /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

INGESTED = Counter("gonggam_messages_ingested_total", "Inbound messages stored", ["channel"])
DUPLICATES = Counter(
    "gonggam_messages_duplicate_total", "Re-delivered inbound messages recognised", ["channel"]
)
PIPELINE_FAILURES = Counter(
    "gonggam_pipeline_failures_total", "Pipeline stages that failed after the commit", ["stage"]
)
INGEST_SECONDS = Histogram(
    "gonggam_ingest_seconds",
    "Time from receiving a message to having it triaged and routed",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
REPLIES = Counter("gonggam_replies_total", "Replies sent by agents", ["channel"])
