"""Finishing the pipeline for messages that were stored but not analysed.

The ingest pipeline commits a message before it triages it, so a crash or an analysis error
after the commit leaves a stored message without triage. This pass picks those up.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.conversations.models import Direction, Message
from gonggam.conversations.pipeline import retriage
from gonggam.kit.clock import utcnow

log = logging.getLogger(__name__)

# Younger messages may still be in their request's own analysis step.
GRACE = timedelta(seconds=30)


def retriage_pending(factory: sessionmaker[Session], *, limit: int = 200) -> int:
    """Analyse and route up to `limit` stored inbound messages that have no triage yet."""
    with factory() as session:
        ids = list(
            session.scalars(
                select(Message.id)
                .where(
                    Message.direction == Direction.inbound.value,
                    Message.triage.is_(None),
                    Message.created_at < utcnow() - GRACE,
                )
                .order_by(Message.id)
                .limit(limit)
            )
        )
    done = 0
    for message_id in ids:
        try:
            done += retriage(factory, message_id=message_id)
        except Exception:
            log.exception("retriage failed again for message %s", message_id)
    return done
