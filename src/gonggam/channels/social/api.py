"""`POST /api/v1/channels/{channel}/social`: a public post, and the review-update request."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from gonggam.channels.inbound import factory_of, ingest_from, signed_request
from gonggam.channels.social import service
from gonggam.channels.webhook.origin import external_id, provider_id
from gonggam.channels.webhook.schemas import Accepted, SocialPost
from gonggam.conversations import repository
from gonggam.conversations.models import Conversation
from gonggam.conversations.pipeline import InboundMessage
from gonggam.customers.service import CustomerRef
from gonggam.deps import CurrentPrincipal, SessionDep

router = APIRouter(prefix="/api/v1", tags=["channels"])

SOCIAL = "social"


def _mark(
    factory: sessionmaker[Session], conversation_id: int, url: str | None, private: str | None
) -> None:
    with factory() as session:
        conversation = session.get_one(Conversation, conversation_id)
        service.mark_public(session, conversation=conversation, url=url, private_url=private)


@router.post(
    "/channels/{channel_ref}/social",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": Accepted, "description": "a post already received"}},
)
async def receive_post(channel_ref: str, request: Request, response: Response) -> Accepted:
    """A public complaint or review (signed like webhooks): stored on channel "social",
    tagged "public" and raised to high priority."""
    channel, post = await signed_request(
        request, channel_ref, SocialPost, accepts=lambda kind: kind == SOCIAL
    )
    result = await ingest_from(
        request,
        InboundMessage(
            channel=SOCIAL,
            text=post.text,
            customer=CustomerRef(
                name=post.author.name or post.author.handle,
                external_id=external_id(channel, post.author.handle),
            ),
            provider_message_id=provider_id(channel, post.post_id),
            received_at=post.timestamp,
            attachments=[{"kind": "public_post", "url": post.url}] if post.url else [],
        ),
    )
    if result.duplicate:
        response.status_code = status.HTTP_200_OK
    else:
        private = channel.settings.get("private_contact_url")
        await run_in_threadpool(
            _mark,
            factory_of(request),
            result.conversation_id,
            post.url,
            str(private) if private else None,
        )
    return Accepted(
        conversation_id=result.conversation_id,
        message_id=result.message_id,
        customer_id=result.customer_id,
        duplicate=result.duplicate,
    )


@router.post("/conversations/{conversation_id}/review-request", status_code=201)
def review_request(
    conversation_id: int, session: SessionDep, principal: CurrentPrincipal
) -> dict[str, int]:
    """After resolution, ask the customer once to update their public review."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    service.ask_review_update(session, conversation=conversation, actor=principal)
    return {"conversation_id": conversation.id}
