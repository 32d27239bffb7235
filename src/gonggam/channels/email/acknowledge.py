"""The automatic acknowledgement of a new e-mail conversation, with the expected wait.

A customer who writes e-mail otherwise hears nothing until an agent answers. The first e-mail
of a conversation gets one short Korean answer: it arrived, its number, and the wait when the
estimate is known. Never for automatic or bulk mail (the caller checks), and at most a few per
address per hour, so two autoresponders cannot keep each other busy.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.channels.email.models import EmailMessage
from gonggam.channels.email.threads import CHANNEL
from gonggam.conversations.models import Conversation, Direction, EventKind, Message
from gonggam.conversations.service import desk_message, record_event
from gonggam.kit.clock import utcnow
from gonggam.routing.announce import wait_sentence
from gonggam.routing.waittime import add_announcement, wait_for_conversation

AUTO_REPLIED = "auto-replied"


def acknowledgement_text(*, name: str | None, conversation_id: int, wait: str) -> str:
    greeting = f"안녕하세요, {name} 고객님." if name else "안녕하세요, 고객님."
    lines = [
        greeting,
        f"보내 주신 메일을 잘 받았습니다. 문의 번호는 #{conversation_id}입니다.",
        "담당자가 내용을 확인하고 이 메일 주소로 답변드리겠습니다.",
    ]
    if wait:
        lines.append(wait)
    lines += ["이 메일에 회신하시면 같은 문의로 이어집니다.", "", "고객센터 드림"]
    return "\n".join(lines)


def acknowledge(
    session: Session,
    *,
    conversation: Conversation,
    inbound_message_id: int,
    to_address: str,
    customer_name: str | None,
    per_hour: int,
) -> bool:
    """Queue the acknowledgement in the caller's transaction; False when none is due."""
    if per_hour <= 0:
        return False
    earlier = session.scalar(
        select(func.count(Message.id)).where(
            Message.conversation_id == conversation.id,
            Message.direction == Direction.inbound.value,
            Message.id != inbound_message_id,
        )
    )
    if earlier:
        return False  # only the first e-mail of a conversation
    recent = session.scalar(
        select(func.count()).where(
            EmailMessage.to_address == to_address,
            EmailMessage.automatic == AUTO_REPLIED,
            EmailMessage.created_at > utcnow() - timedelta(hours=1),
        )
    )
    if (recent or 0) >= per_hour:
        return False
    wait = wait_for_conversation(session, conversation=conversation)
    text = acknowledgement_text(
        name=customer_name, conversation_id=conversation.id, wait=wait_sentence(wait)
    )
    if wait.position is not None:  # what it tells the customer counts in the accuracy report
        add_announcement(session, conversation=conversation, estimate=wait, channel=CHANNEL)
    now = utcnow()
    message = desk_message(session, conversation=conversation, text=text, at=now, channel=CHANNEL)
    session.add(EmailMessage(message_id=message.id, to_address=to_address, automatic=AUTO_REPLIED))
    # Not a first response: the customer still waits for a person, so waiting_since stays.
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.reply_sent,
        actor=None,
        at=now,
        message_id=message.id,
        automatic=True,
    )
    return True
