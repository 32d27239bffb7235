"""`POST /api/v1/channels/{channel}/webhook`: a customer's message from a messaging provider."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from gonggam.channels.inbound import ingest_from, signed_request
from gonggam.channels.webhook.origin import external_id, provider_id
from gonggam.channels.webhook.schemas import Accepted, WebhookMessage
from gonggam.conversations.pipeline import InboundMessage
from gonggam.customers.service import CustomerRef

router = APIRouter(prefix="/api/v1/channels", tags=["channels"])
# Kinds with their own entry points (social posts, Twilio voice) are refused here.
NOT_MESSAGING = frozenset({"social", "voice"})


@router.post(
    "/{channel_ref}/webhook",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": Accepted, "description": "a re-delivered message_id: the same ids"},
        401: {"description": "missing or wrong X-Gonggam-Signature; nothing stored"},
        404: {"description": "unknown or inactive channel"},
    },
)
async def receive(channel_ref: str, request: Request, response: Response) -> Accepted:
    """A message from an SMS or messenger provider, signed with the channel's secret.

    `channel_ref` is the channel's name (or numeric id). 201 when stored now, 200 with the
    same ids when this `message_id` was already received. Answered only after the commit.
    """
    channel, body = await signed_request(
        request, channel_ref, WebhookMessage, accepts=lambda kind: kind not in NOT_MESSAGING
    )
    result = await ingest_from(
        request,
        InboundMessage(
            channel=channel.kind,
            text=body.text,
            customer=CustomerRef(
                name=body.sender.name,
                phone=body.sender.phone,
                external_id=external_id(channel, body.sender.id),
            ),
            provider_message_id=provider_id(channel, body.message_id),
            received_at=body.timestamp,
        ),
    )
    if result.duplicate:
        response.status_code = status.HTTP_200_OK
    return Accepted(
        conversation_id=result.conversation_id,
        message_id=result.message_id,
        customer_id=result.customer_id,
        duplicate=result.duplicate,
    )
