"""Sending replies by SMTP: the outbox's sender for the e-mail channel.

A reply answers the customer's latest e-mail in the conversation: In-Reply-To and References
keep it in their mail client's thread, and "[#id]" in the subject brings their answer back to
this conversation even from a client that drops those headers. The Message-ID is derived from
the message, so a retried send carries the same one and the customer's client shows it once.
"""

from __future__ import annotations

import html
import smtplib
from collections.abc import Callable
from email.message import EmailMessage as MimeMessage
from email.utils import format_datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload

from gonggam.channels.email.acknowledge import AUTO_REPLIED
from gonggam.channels.email.loops import address_of
from gonggam.channels.email.models import EmailMessage
from gonggam.channels.email.threads import CHANNEL, base_subject
from gonggam.channels.models import Delivery
from gonggam.channels.outbox import DeliveryFailed
from gonggam.config import Settings, get_settings
from gonggam.conversations.models import Conversation, Direction, Message
from gonggam.customers.models import Customer, IdentityKind

MAX_REFERENCES = 20


def send(session: Session, delivery: Delivery, message: Message) -> str:
    """Send `message` with the process settings (GONGGAM_SMTP_*); returns its Message-ID."""
    return send_with(get_settings())(session, delivery, message)


def send_with(settings: Settings) -> Callable[[Session, Delivery, Message], str]:
    """A sender bound to `settings` (the outbox registers `send`; tests bind their own)."""

    def sender(session: Session, delivery: Delivery, message: Message) -> str:
        del delivery
        mail = compose(session, message, settings=settings)
        _transmit(mail, settings)
        message.provider_message_id = str(mail["Message-ID"])
        return str(mail["Message-ID"])

    return sender


def message_id_for(message: Message, *, domain: str) -> str:
    """The same Message-ID on every attempt for one message."""
    stamp = int(message.created_at.timestamp())
    return f"<gonggam.{message.conversation_id}.{message.id}.{stamp}@{domain}>"


def compose(session: Session, message: Message, *, settings: Settings) -> MimeMessage:
    """The MIME message for an outbound reply, with the thread's headers."""
    conversation = session.get_one(Conversation, message.conversation_id, options=[lazyload("*")])
    parent = _latest_inbound(session, conversation.id)
    to_address = (parent.from_address if parent else None) or _customer_email(
        session, conversation.customer_id
    )
    if not to_address:
        raise DeliveryFailed("the customer has no e-mail address", permanent=True)
    own = address_of(settings.mail_from)
    if own is None:
        raise DeliveryFailed(f"GONGGAM_MAIL_FROM is not an address: {settings.mail_from!r}")

    mail = MimeMessage()
    mail["From"] = settings.mail_from
    mail["To"] = to_address
    subject = base_subject(conversation.subject or (parent.subject if parent else None))
    mail["Subject"] = (
        f"Re: {subject} [#{conversation.id}]" if subject else f"고객센터 답변 [#{conversation.id}]"
    )
    mail["Date"] = format_datetime(message.created_at)
    mail["Message-ID"] = message_id_for(message, domain=own.split("@", 1)[1])
    if parent is not None and parent.header_message_id:
        chain = [*(parent.references or "").split(), parent.header_message_id]
        mail["In-Reply-To"] = parent.header_message_id
        mail["References"] = " ".join(chain[-MAX_REFERENCES:])
    own_row = session.get(EmailMessage, message.id)
    if own_row is not None and own_row.automatic == AUTO_REPLIED:
        # Written by the desk itself (acknowledgements): other machines must not answer it.
        mail["Auto-Submitted"] = "auto-replied"
        mail["X-Auto-Response-Suppress"] = "All"
    mail.set_content(message.text)
    paragraphs = "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>"
        for block in message.text.split("\n\n")
    )
    mail.add_alternative(f"<!doctype html><html><body>{paragraphs}</body></html>", subtype="html")
    return mail


def _latest_inbound(session: Session, conversation_id: int) -> EmailMessage | None:
    return session.scalar(
        select(EmailMessage)
        .join(Message, Message.id == EmailMessage.message_id)
        .where(
            Message.conversation_id == conversation_id,
            Message.direction == Direction.inbound.value,
            Message.channel == CHANNEL,
        )
        .order_by(Message.id.desc())
        .limit(1)
    )


def _customer_email(session: Session, customer_id: int) -> str | None:
    customer = session.get(Customer, customer_id)
    return customer.identity(IdentityKind.email) if customer else None


def _transmit(mail: MimeMessage, settings: Settings) -> None:
    """Hand the message to the relay; 4xx and network trouble are retried, 5xx is final."""
    if not settings.smtp_host:
        raise DeliveryFailed("GONGGAM_SMTP_HOST is not set; the reply waits until it is")
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
        ) as relay:
            if settings.smtp_starttls:
                relay.starttls()
            if settings.smtp_user:
                relay.login(settings.smtp_user, settings.smtp_password or "")
            relay.send_message(mail)
    except smtplib.SMTPRecipientsRefused as refused:
        codes = [code for code, _ in refused.recipients.values()]
        detail = "; ".join(
            f"{addr}: {code} {_text(reply)}" for addr, (code, reply) in refused.recipients.items()
        )
        raise DeliveryFailed(
            f"recipient refused: {detail}", permanent=all(c >= 500 for c in codes)
        ) from refused
    except smtplib.SMTPAuthenticationError as error:
        # A wrong password is fixed by an operator; the reply should go out once it is.
        reason = f"SMTP login failed: {error.smtp_code} {_text(error.smtp_error)}"
        raise DeliveryFailed(reason) from error
    except smtplib.SMTPResponseException as error:
        raise DeliveryFailed(
            f"SMTP relay answered {error.smtp_code} {_text(error.smtp_error)}",
            permanent=error.smtp_code >= 500,
        ) from error
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryFailed(f"SMTP relay unreachable: {type(error).__name__}: {error}") from error


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
