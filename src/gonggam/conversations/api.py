"""JSON routes for conversations and inbound messages (SPEC section 4)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts.models import User
from gonggam.coaching import service as coaching
from gonggam.conversations import present, repository, service
from gonggam.conversations.models import Status
from gonggam.conversations.pipeline import InboundMessage, ingest
from gonggam.conversations.schemas import (
    AssignIn,
    ConversationOut,
    ConversationPage,
    MessageAccepted,
    MessageIn,
    MessageOut,
    RevealIn,
    RevealOut,
    StatusIn,
    TextIn,
    TransferIn,
)
from gonggam.customers.identity import InvalidIdentity
from gonggam.customers.service import CustomerRef
from gonggam.deps import CurrentPrincipal, SessionDep
from gonggam.kit.pagination import MAX_PAGE_SIZE, Page
from gonggam.reports import prometheus

router = APIRouter(prefix="/api/v1", tags=["conversations"])


@router.post(
    "/messages",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": MessageAccepted, "description": "repeated idempotency key"}},
)
def post_message(
    body: MessageIn, request: Request, response: Response, principal: CurrentPrincipal
) -> MessageAccepted:
    """Receive a customer's message; it is stored, triaged and routed before this returns."""
    del principal
    ref = CustomerRef(**body.customer.model_dump())
    if not (ref.email or ref.phone or ref.external_id):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            "customer needs at least one of email, phone or external_id",
        )
    factory: sessionmaker[Session] = request.app.state.session_factory
    try:
        result = ingest(
            factory,
            InboundMessage(
                channel=body.channel,
                text=body.text,
                customer=ref,
                idempotency_key=body.idempotency_key,
            ),
        )
    except InvalidIdentity as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    if result.duplicate:
        response.status_code = status.HTTP_200_OK
    return MessageAccepted(
        conversation_id=result.conversation_id,
        message_id=result.message_id,
        customer_id=result.customer_id,
    )


@router.get("/conversations")
def list_conversations(
    session: SessionDep,
    principal: CurrentPrincipal,
    status_: Annotated[str | None, Query(alias="status", description="comma-separated")] = None,
    team: str | None = None,
    assignee: Annotated[str | None, Query(description="e-mail, id, 'me' or 'none'")] = None,
    channel: str | None = None,
    customer_email: str | None = None,
    customer_phone: str | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ConversationPage:
    """Conversations, most urgent and longest-waiting first."""
    statuses = tuple(s for s in (status_ or "").split(",") if s)
    unknown = [s for s in statuses if s not in Status.__members__]
    if unknown:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"unknown status {unknown[0]!r}")
    try:
        flt = repository.ConversationFilter(
            statuses=statuses,
            team=team,
            assignee=assignee,
            channel=channel,
            customer_email=customer_email,
            customer_phone=customer_phone,
        )
        rows, total = repository.list_conversations(
            session, principal=principal, flt=flt, page=Page(limit=limit, offset=offset)
        )
    except InvalidIdentity as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    last = repository.last_messages(
        session,
        [c.id for c in rows],
        waiting=frozenset(c.id for c in rows if c.waiting_since is not None),
    )
    return ConversationPage(
        items=[present.summary(c, last.get(c.id)) for c in rows],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/conversations/{conversation_id}")
def get_conversation(
    conversation_id: int, session: SessionDep, principal: CurrentPrincipal
) -> ConversationOut:
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    return present.detail(session, conversation)


@router.post("/conversations/{conversation_id}/reply", status_code=status.HTTP_201_CREATED)
def reply(
    conversation_id: int, body: TextIn, session: SessionDep, principal: CurrentPrincipal
) -> MessageOut:
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    message, _ = coaching.send_reply(
        session, conversation=conversation, author=principal, text=body.text
    )
    prometheus.REPLIES.labels(channel=conversation.channel).inc()
    return present.message_out(message)


@router.post("/conversations/{conversation_id}/note", status_code=status.HTTP_201_CREATED)
def note(
    conversation_id: int, body: TextIn, session: SessionDep, principal: CurrentPrincipal
) -> MessageOut:
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    return present.message_out(
        service.add_note(session, conversation=conversation, author=principal, text=body.text)
    )


@router.post("/conversations/{conversation_id}/status")
def change_status(
    conversation_id: int, body: StatusIn, session: SessionDep, principal: CurrentPrincipal
) -> ConversationOut:
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    service.change_status(
        session, conversation=conversation, new_status=Status(body.status), actor=principal
    )
    return present.detail(session, conversation)


@router.post("/messages/{message_id}/reveal")
def reveal(
    message_id: int, body: RevealIn, session: SessionDep, principal: CurrentPrincipal
) -> RevealOut:
    """Show a message's original text (personal data unmasked); the access is audited."""
    message = repository.access_message_by_id(session, principal=principal, message_id=message_id)
    text = service.reveal(session, message=message, actor=principal, reason=body.reason)
    return RevealOut(message_id=message.id, text=text)


def _user(session: Session, principal: CurrentPrincipal, ref: str) -> User:
    user = session.get(User, repository.resolve_user_id(session, principal=principal, ref=ref))
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no user {ref!r}")
    return user


@router.post("/conversations/{conversation_id}/assign")
def assign(
    conversation_id: int, body: AssignIn, session: SessionDep, principal: CurrentPrincipal
) -> ConversationOut:
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    agent = _user(session, principal, body.agent) if body.agent else None
    service.assign(session, conversation=conversation, agent=agent, actor=principal)
    return present.detail(session, conversation)


@router.post("/conversations/{conversation_id}/transfer")
def transfer(
    conversation_id: int, body: TransferIn, session: SessionDep, principal: CurrentPrincipal
) -> ConversationOut:
    """Transfer to a team or agent. `reason` is required: transfers are measured and explained."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    team = service.find_team(session, name=body.team) if body.team else None
    agent = _user(session, principal, body.agent) if body.agent else None
    service.transfer(
        session,
        conversation=conversation,
        team=team,
        agent=agent,
        reason=body.reason,
        note=body.note,
        actor=principal,
    )
    return present.detail(session, conversation)
