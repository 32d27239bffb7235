"""Which conversation an e-mail continues: its headers first, then the subject's token.

In-Reply-To and References name earlier messages by Message-ID; ours (inbound customer mail and
our outbound replies) are stored as `messages.provider_message_id` on the e-mail channel. A
reply from a client that drops those headers still carries "[#123]" in its subject. The
pipeline accepts the hint only for the same customer's open conversation, so a forged header
cannot put mail into someone else's case.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.conversations.models import Message

CHANNEL = "email"
_SUBJECT_TOKEN = re.compile(r"\[(?:gonggam\s*)?#(\d{1,12})\]", re.IGNORECASE)
_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|회신|답장|전달)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def subject_token(subject: str | None) -> int | None:
    """The conversation number in a subject like "Re: 환불 문의 [#123]", or None."""
    match = _SUBJECT_TOKEN.search(subject or "")
    return int(match.group(1)) if match else None


def base_subject(subject: str | None) -> str:
    """A subject without reply prefixes and conversation tokens."""
    without_token = _SUBJECT_TOKEN.sub("", subject or "")
    return " ".join(_REPLY_PREFIX.sub("", without_token).split())


def thread_hint(
    session: Session, *, in_reply_to: list[str], references: list[str], subject: str | None
) -> int | None:
    """The conversation this mail answers, by headers (newest reference first) or subject."""
    referenced = [*in_reply_to, *reversed(references)]
    if referenced:
        rows = session.execute(
            select(Message.provider_message_id, Message.conversation_id).where(
                Message.channel == CHANNEL, Message.provider_message_id.in_(referenced[:100])
            )
        ).all()
        found = {provider_id: conversation_id for provider_id, conversation_id in rows}
        for message_id in referenced:
            if message_id in found:
                return found[message_id]
    return subject_token(subject)
