"""One received e-mail into the desk: parse, keep attachments, thread, ingest, then e-mail details.

    parse → loop check → attachments → thread hint → pipeline.ingest (commit) → e-mail details
    (addresses, headers, full body, "auto"/"bulk" tag) + acknowledgement, in one transaction

`receive` returns only after both transactions committed, so the SMTP receiver answers 250 for
mail that is fully stored. A re-delivery (same Message-ID) is recognised by the pipeline; its
details are written then if the first attempt did not get that far.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, lazyload, sessionmaker

from gonggam.channels.email.acknowledge import acknowledge
from gonggam.channels.email.attachments import AttachmentLimits, store_attachments
from gonggam.channels.email.loops import address_of, automatic_kind
from gonggam.channels.email.models import EmailMessage
from gonggam.channels.email.parse import ParsedEmail, parse
from gonggam.channels.email.threads import CHANNEL, thread_hint
from gonggam.config import Settings
from gonggam.conversations.models import Conversation, EventKind
from gonggam.conversations.pipeline import InboundMessage, IngestResult, ingest
from gonggam.conversations.service import record_event
from gonggam.customers.service import CustomerRef

# What an e-mail with neither a body nor a subject is stored as, so it is still seen.
EMPTY_BODY = "(본문 없음)"


@dataclass(frozen=True)
class Received:
    result: IngestResult
    automatic: str | None
    acknowledged: bool


def receive(
    factory: sessionmaker[Session],
    raw: bytes,
    *,
    settings: Settings,
    envelope_sender: str | None = None,
) -> Received:
    """Store one e-mail (raises parse.UnreadableEmail for mail without a sender)."""
    parsed = parse(raw)
    own = {a for a in (address_of(settings.mail_from),) if a}
    kind = (
        automatic_kind(
            parsed.mail, sender=parsed.sender, envelope_sender=envelope_sender, own_addresses=own
        )
        if parsed.mail is not None
        else None
    )
    limits = AttachmentLimits(
        folder=Path(settings.attachments_dir),
        max_attachment_bytes=settings.email_max_attachment_bytes,
        max_message_bytes=settings.email_max_message_bytes,
    )
    attachments = store_attachments(parsed.attachments, limits)
    with factory() as session:
        hint = thread_hint(
            session,
            in_reply_to=parsed.in_reply_to,
            references=parsed.references,
            subject=parsed.subject,
        )
    result = ingest(
        factory,
        InboundMessage(
            channel=CHANNEL,
            text=parsed.text or parsed.subject or EMPTY_BODY,
            customer=CustomerRef(name=parsed.sender_name, email=parsed.sender),
            provider_message_id=parsed.message_id,
            # Without a Message-ID, the exact bytes identify a re-delivery.
            idempotency_key=None
            if parsed.message_id
            else "sha256:" + hashlib.sha256(raw).hexdigest(),
            html=parsed.html,
            subject=parsed.subject,
            attachments=attachments,
            conversation_id=hint,
            automatic=kind is not None,
        ),
    )
    acknowledged = _record_details(factory, result, parsed, kind, settings)
    return Received(result=result, automatic=kind, acknowledged=acknowledged)


def _record_details(
    factory: sessionmaker[Session],
    result: IngestResult,
    parsed: ParsedEmail,
    kind: str | None,
    settings: Settings,
) -> bool:
    """Addresses, headers, full body and the automatic-mail tag; then maybe an acknowledgement."""
    with factory() as session:
        if session.get(EmailMessage, result.message_id) is not None:
            return False  # a re-delivery whose details are already stored
        session.add(
            EmailMessage(
                message_id=result.message_id,
                header_message_id=parsed.message_id,
                from_address=parsed.sender,
                to_address=parsed.to_address,
                subject=parsed.subject,
                in_reply_to=" ".join(parsed.in_reply_to)[:300] or None,
                references=" ".join(parsed.references) or None,
                automatic=kind,
                body_text=parsed.full_text,
            )
        )
        conversation = session.get_one(
            Conversation, result.conversation_id, options=[lazyload("*")]
        )
        acknowledged = False
        if kind is not None:
            if kind not in conversation.tags:
                conversation.tags = [*conversation.tags, kind]
                record_event(
                    session,
                    conversation=conversation,
                    kind=EventKind.tagged,
                    actor=None,
                    tag=kind,
                    message_id=result.message_id,
                )
        else:
            acknowledged = acknowledge(
                session,
                conversation=conversation,
                inbound_message_id=result.message_id,
                to_address=parsed.sender,
                customer_name=parsed.sender_name,
                per_hour=settings.email_acknowledgements_per_hour,
            )
        session.commit()
        return acknowledged
