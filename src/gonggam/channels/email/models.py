"""What e-mail needs beyond the message row: addresses, threading headers, automatic mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class EmailMessage(Base):
    """The e-mail side of one inbound or outbound message."""

    __tablename__ = "email_messages"

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    # The RFC 5322 Message-ID, angle brackets included (also `messages.provider_message_id`).
    header_message_id: Mapped[str | None] = mapped_column(String(300), index=True)
    from_address: Mapped[str | None] = mapped_column(String(254), index=True)
    to_address: Mapped[str | None] = mapped_column(String(254), index=True)
    subject: Mapped[str | None] = mapped_column(String(300))
    in_reply_to: Mapped[str | None] = mapped_column(String(300))
    references: Mapped[str | None] = mapped_column(Text)
    # Inbound: why it is automatic mail ("auto", "bulk"), never answered automatically.
    # Outbound: "auto-replied" for our own acknowledgements.
    automatic: Mapped[str | None] = mapped_column(String(20))
    # The whole text body; the message row keeps only the new part (quoted history trimmed).
    body_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)


class ImapCursor(Base):
    """How far IMAP polling has read one mailbox: its UIDVALIDITY and the last UID taken."""

    __tablename__ = "imap_cursors"

    id: Mapped[int] = mapped_column(primary_key=True)
    # "user@host:port/mailbox"
    mailbox: Mapped[str] = mapped_column(String(400), unique=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, onupdate=utcnow)
