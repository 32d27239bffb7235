"""Delivering replies to a messaging provider: signed JSON POSTs to the channel's outbound URL.

Payload: `{"message_id", "conversation_id", "to": {"id", "phone"}, "text", "part", "parts"}`,
signed with `X-Gonggam-Signature` like inbound webhooks. A reply longer than the channel's limit
(KakaoTalk: 1,000 characters) goes out in parts; each part has its own `message_id`
("gonggam:<message>:<part>") so a provider can drop a part it already took on a retry.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import httpx
from sqlalchemy.orm import Session

from gonggam.channels.limits import limit_for, split_text
from gonggam.channels.models import Channel, Delivery
from gonggam.channels.netguard import RefusedAddress, Target, pinned_url, resolve_target
from gonggam.channels.outbox import DeliveryFailed
from gonggam.channels.signing import SIGNATURE_HEADER, sign
from gonggam.channels.webhook.origin import origin_channel
from gonggam.conversations.models import Conversation, EventKind, Message
from gonggam.customers.models import Customer, IdentityKind

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
# Provider answers worth trying again later; any other 4xx will not change by retrying.
RETRYABLE = frozenset({408, 409, 425, 429})


def send(session: Session, delivery: Delivery, message: Message) -> str | None:
    """The outbox sender for messaging channels (see module docstring)."""
    channel = _channel(session, delivery, message)
    if not channel.outbound_url:
        raise DeliveryFailed(f"channel {channel.name} has no outbound URL", permanent=True)
    recipient = _recipient(session, channel, message)
    limit = limit_for(message.channel)
    parts = split_text(message.text, limit.max_chars) if limit else [message.text]
    try:
        target = resolve_target(channel.outbound_url, allow_private=channel.allow_private_outbound)
    except RefusedAddress as refused:
        raise DeliveryFailed(str(refused), permanent=True) from refused
    provider_ids: list[str] = []
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False) as client:
        for number, text in enumerate(parts, start=1):
            payload = {
                "message_id": f"gonggam:{message.id}:{number}",
                "conversation_id": message.conversation_id,
                "to": recipient,
                "text": text,
                "part": number,
                "parts": len(parts),
            }
            provider_ids.append(_post(client, channel, target, payload))
    if len(parts) > 1:
        _record_split(session, message, len(parts), limit.max_chars if limit else 0)
    return ",".join(p for p in provider_ids if p) or None


def _channel(session: Session, delivery: Delivery, message: Message) -> Channel:
    channel = session.get(Channel, delivery.channel_id) if delivery.channel_id else None
    channel = channel or origin_channel(
        session, conversation_id=message.conversation_id, label=message.channel
    )
    if channel is None or not channel.is_active:
        raise DeliveryFailed(
            f"no active {message.channel} channel to send this reply through", permanent=True
        )
    return channel


def _recipient(session: Session, channel: Channel, message: Message) -> dict[str, str | None]:
    customer = session.get_one(Customer, message.customer_id)
    prefix = f"{message.channel}:{channel.name}:"
    messenger_id = next(
        (
            i.value.removeprefix(prefix)
            for i in customer.identities
            if i.kind == IdentityKind.external.value and i.value.startswith(prefix)
        ),
        None,
    )
    phone = customer.identity(IdentityKind.phone)
    if messenger_id is None and phone is None:
        raise DeliveryFailed(
            f"the customer has no {channel.name} id or phone number to send to", permanent=True
        )
    return {"id": messenger_id, "phone": phone}


def _post(
    client: httpx.Client, channel: Channel, target: Target, payload: dict[str, object]
) -> str:
    body = json.dumps(payload, ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        SIGNATURE_HEADER: sign(channel.secret or "", body),
        "Host": urlsplit(target.url).netloc.rpartition("@")[2],
        "User-Agent": "gonggam",
    }
    extensions = {"sni_hostname": target.host} if target.url.startswith("https") else {}
    try:
        response = client.post(
            pinned_url(target), content=body, headers=headers, extensions=extensions
        )
    except httpx.HTTPError as error:
        raise DeliveryFailed(f"{channel.name}: {type(error).__name__}: {error}") from error
    if response.is_success:
        try:
            answer = response.json()
        except ValueError:
            return ""
        return str(answer.get("message_id") or "") if isinstance(answer, dict) else ""
    reason = f"{channel.name} answered {response.status_code}: {response.text[:300]}"
    permanent = 400 <= response.status_code < 500 and response.status_code not in RETRYABLE
    raise DeliveryFailed(reason, permanent=permanent)


def _record_split(session: Session, message: Message, parts: int, max_chars: int) -> None:
    from gonggam.conversations.service import record_event

    conversation = session.get_one(Conversation, message.conversation_id)
    record_event(
        session,
        conversation=conversation,
        kind=EventKind.reply_split,
        actor=None,
        message_id=message.id,
        parts=parts,
        max_chars=max_chars,
        channel=message.channel,
    )
