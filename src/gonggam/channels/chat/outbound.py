"""The outbox's sender for chat replies: the widget shows them, or e-mail takes them over.

A chat reply is queued like any other. When its delivery comes due:

- the widget already showed it (a connected socket marked it sent): done, nothing else goes out;
- a widget socket of the customer is alive (see `visits`): try again when they would count
  as away, because the widget will show it before then;
- the customer is away and left an e-mail address (the widget's "leave your e-mail", or a
  signed identity's e-mail): the reply goes out once by e-mail through the SMTP relay, with a
  short lead-in and, for signed visitors, a link back to the page where they chatted; a
  `chat_reply_emailed` event records it in the timeline;
- away without an address: the delivery is withdrawn and the reply waits in the widget for
  their return, exactly as before.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage as MimeMessage
from email.utils import format_datetime

from sqlalchemy.orm import Session

from gonggam.channels.chat import visits
from gonggam.channels.email.loops import address_of
from gonggam.channels.email.outbound import _transmit, message_id_for
from gonggam.channels.models import Delivery, DeliveryStatus
from gonggam.channels.outbox import DeliveryDeferred, DeliveryFailed, DeliveryWithdrawn
from gonggam.config import Settings, get_settings
from gonggam.conversations.models import Conversation, EventKind, Message
from gonggam.customers.models import Customer, IdentityKind
from gonggam.kit.clock import utcnow

LEAD_IN = "채팅으로 남겨 주신 문의에 답변드립니다."
CONTINUE = "채팅 이어가기"
SHOWN_IN_WIDGET = "widget"


def send(session: Session, delivery: Delivery, message: Message) -> str:
    """Deliver a chat reply with the process settings (see module docstring)."""
    return send_with(get_settings())(session, delivery, message)


def send_with(
    settings: Settings, *, clock: Callable[[], datetime] = utcnow
) -> Callable[[Session, Delivery, Message], str]:
    """A chat sender bound to `settings` and a clock (the outbox registers `send`)."""

    def sender(session: Session, delivery: Delivery, message: Message) -> str:
        if message.delivery_status == DeliveryStatus.sent.value:
            return SHOWN_IN_WIDGET
        until = visits.away_until(session, customer_id=message.customer_id, now=clock())
        if until is not None:
            raise DeliveryDeferred(until)
        address = customer_email(session, message.customer_id)
        if address is None:
            raise DeliveryWithdrawn()
        page = visits.page_url(session, customer_id=message.customer_id)
        mail = compose(session, message, to=address, page_url=page, settings=settings)
        _transmit(mail, settings)
        _record(session, delivery, message, page_url=page)
        return str(mail["Message-ID"])

    return sender


def customer_email(session: Session, customer_id: int) -> str | None:
    """The address to write to: a verified one first, else the one the visitor typed."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        return None
    emails = [i for i in customer.identities if i.kind == IdentityKind.email.value]
    emails.sort(key=lambda i: not i.verified)
    return emails[0].value if emails else None


def compose(
    session: Session, message: Message, *, to: str, page_url: str | None, settings: Settings
) -> MimeMessage:
    """The e-mail carrying a chat reply; "[#id]" brings an e-mailed answer back to the chat."""
    own = address_of(settings.mail_from)
    if own is None:
        raise DeliveryFailed(f"GONGGAM_MAIL_FROM is not an address: {settings.mail_from!r}")
    conversation = session.get_one(Conversation, message.conversation_id)
    mail = MimeMessage()
    mail["From"] = settings.mail_from
    mail["To"] = to
    mail["Subject"] = f"채팅 문의에 대한 답변 [#{conversation.id}]"
    mail["Date"] = format_datetime(message.created_at)
    mail["Message-ID"] = message_id_for(message, domain=own.split("@", 1)[1])
    blocks = [LEAD_IN, message.text]
    if page_url:
        blocks.append(f"{CONTINUE}: {page_url}")
    mail.set_content("\n\n".join(blocks) + "\n")
    paragraphs = "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in [LEAD_IN, message.text]
    )
    if page_url:
        link = html.escape(page_url, quote=True)
        paragraphs += f'<p><a href="{link}">{html.escape(CONTINUE)}</a></p>'
    mail.add_alternative(f"<!doctype html><html><body>{paragraphs}</body></html>", subtype="html")
    return mail


def _record(
    session: Session, delivery: Delivery, message: Message, *, page_url: str | None
) -> None:
    from gonggam.conversations.service import record_event

    conversation = session.get_one(Conversation, delivery.conversation_id)
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.chat_reply_emailed,
        actor=None,
        message_id=message.id,
        channel="email",
        with_link=page_url is not None,
    )
