"""The SMTP receiver (aiosmtpd): customers' mail servers deliver straight to the desk.

The DATA handler answers 250 only after the message is committed (`inbound.receive` runs in a
worker thread so the server's event loop keeps serving other connections). Anything else gets
a code the sending server understands: 451 for our own trouble (it retries later, nothing is
lost), 552 for a message over the size limit, 554 for bytes that are not a usable e-mail.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope
from aiosmtpd.smtp import Session as SmtpSession
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from gonggam.channels.email.inbound import receive
from gonggam.channels.email.parse import UnreadableEmail
from gonggam.config import Settings

log = logging.getLogger(__name__)


def smtp_size_limit(settings: Settings) -> int:
    """The largest DATA we take: the attachment budget after base64 (4/3) plus the text."""
    return settings.email_max_message_bytes * 4 // 3 + 1_000_000


class DeskHandler:
    """aiosmtpd handler: every accepted recipient's mail becomes one customer message."""

    def __init__(self, factory: sessionmaker[Session], settings: Settings) -> None:
        self.factory = factory
        self.settings = settings

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        """Store the message, then answer; the answer is the acknowledgement."""
        del server, session
        raw = envelope.original_content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if len(raw) > smtp_size_limit(self.settings):
            return "552 5.3.4 Message too big for this desk; please send smaller attachments"
        try:
            received = await asyncio.to_thread(
                receive,
                self.factory,
                raw,
                settings=self.settings,
                envelope_sender=envelope.mail_from,
            )
        except UnreadableEmail as error:
            return f"554 5.6.0 Message not accepted: {error}"
        except SQLAlchemyError:
            log.exception("database error while storing an e-mail")
            return "451 4.3.0 Temporary storage problem; please try again later"
        except Exception:
            log.exception("unexpected error while storing an e-mail")
            return "451 4.3.0 Temporary problem while storing the message; please try again later"
        result = received.result
        if result.duplicate:
            return f"250 2.0.0 Already stored as message {result.message_id}"
        return f"250 2.0.0 Stored as message {result.message_id}"


class SmtpReceiver:
    """The SMTP server on its own thread and event loop, beside the web server."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        settings: Settings,
        *,
        host: str = "127.0.0.1",
        port: int = 2525,
    ) -> None:
        self.host = host
        self.port = port
        # aiosmtpd refuses DATA beyond data_size_limit itself (552), before it is buffered.
        extra: dict[str, Any] = {
            "data_size_limit": smtp_size_limit(settings),
            "enable_SMTPUTF8": True,
        }
        self.controller = Controller(
            DeskHandler(factory, settings),
            hostname=host,
            port=port,
            server_hostname="gonggam",
            ident="gonggam ESMTP",
            **extra,
        )

    def start(self) -> SmtpReceiver:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> SmtpReceiver:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def start_receiver(settings: Settings, *, host: str, port: int) -> SmtpReceiver:
    """Start a receiver on `host:port` for the database in `settings`."""
    from gonggam.db import engine_for, session_factory

    factory = session_factory(engine_for(settings.database_url))
    return SmtpReceiver(factory, settings, host=host, port=port).start()
