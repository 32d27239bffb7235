"""The agent's pages: the inbox and one conversation, with its form (and HTMX) actions.

Actions answer a plain form post with a 303 back to the conversation, so everything works
without JavaScript; HTMX follows the redirect and swaps the refreshed workspace in place.
A refused action re-renders the page with a visible message and a 4xx status.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from gonggam.accounts import service as accounts
from gonggam.accounts.models import User
from gonggam.accounts.principal import Principal
from gonggam.coaching import service as coaching
from gonggam.coaching import views as coaching_views
from gonggam.conversations import present, repository, service
from gonggam.conversations.models import Conversation, Status
from gonggam.conversations.schemas import MAX_TEXT
from gonggam.corrections.views import correction_context
from gonggam.customers.views import merge_panel
from gonggam.deps import PagePrincipal, SessionDep, SettingsDep
from gonggam.flags.views import conversation_flags, inbox_flags
from gonggam.kit.pagination import Page
from gonggam.live.cursor import current_cursor
from gonggam.protection.views import conversation_context as protection_context
from gonggam.reports import prometheus
from gonggam.routing.callback_views import conversation_callbacks
from gonggam.routing.service import list_teams
from gonggam.routing.views import inbox_context
from gonggam.web.templating import render

router = APIRouter(include_in_schema=False)

TABS = ("mine", "unassigned", "team", "all")
DEFAULT_STATUSES = (Status.open.value, Status.pending.value)
TRANSFER_REASONS = ("not_our_team", "expert", "language", "escalation", "other")
INBOX_PAGE = 100


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/inbox", status_code=status.HTTP_303_SEE_OTHER)


def _inbox_filter(
    session: Session, principal: Principal, tab: str, statuses: tuple[str, ...]
) -> repository.ConversationFilter | None:
    """The filter for a tab; None when the tab cannot have rows (no team to show)."""
    if tab == "mine":
        if principal.user_id is None:
            return None
        return repository.ConversationFilter(statuses=statuses, assignee="me")
    if tab == "unassigned":
        return repository.ConversationFilter(statuses=statuses, assignee="none")
    if tab == "team":
        user = accounts.get(session, user_id=principal.user_id) if principal.user_id else None
        if user is None or user.team is None:
            return None
        return repository.ConversationFilter(statuses=statuses, team=user.team.name)
    return repository.ConversationFilter(statuses=statuses)


@router.get("/inbox")
def inbox(
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    tab: str = "mine",
    status_: Annotated[list[str] | None, Query(alias="status")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """Open work, most urgent first, then longest waiting (the repository's order)."""
    tab = tab if tab in TABS else "mine"
    chosen = tuple(s for s in (status_ or []) if s in Status.__members__) or DEFAULT_STATUSES
    flt = _inbox_filter(session, principal, tab, chosen)
    rows: list[Conversation] = []
    total = 0
    if flt is not None:
        rows, total = repository.list_conversations(
            session, principal=principal, flt=flt, page=Page(limit=INBOX_PAGE, offset=offset)
        )
    last = repository.last_messages(
        session,
        [c.id for c in rows],
        waiting=frozenset(c.id for c in rows if c.waiting_since is not None),
    )
    items = [(c, present.summary(c, last.get(c.id))) for c in rows]
    return render(
        request,
        "conversations/inbox.html",
        {
            "tab": tab,
            "tabs": TABS,
            "statuses": [s.value for s in Status],
            "chosen": chosen,
            "items": items,
            "flags": inbox_flags(session, rows),
            "total": total,
            "offset": offset,
            "page_size": INBOX_PAGE,
            "live_url": f"/live/stream?after={current_cursor(session)}",
            **inbox_context(session, rows, principal=principal),
        },
        principal=principal,
    )


def _conversation_context(
    session: Session, principal: Principal, conversation: Conversation
) -> dict[str, Any]:
    past, _ = repository.list_conversations(
        session,
        principal=principal,
        flt=repository.ConversationFilter(customer_id=conversation.customer_id),
        page=Page(limit=20),
    )
    users = accounts.list_users(session)
    teams = list_teams(session)
    context: dict[str, Any] = {
        "conversation": conversation,
        "summary": present.summary(conversation, None),
        "customer": present.customer_out(conversation.customer),
        "timeline": present.timeline(session, conversation.customer_id),
        "merging": merge_panel(session, customer=conversation.customer),
        "triage": conversation.triage or {},
        "past": past,
        "users": [u for u in users if u.is_active],
        "names": {u.email: u.name for u in users},
        "teams": teams,
        "team_names": {t.name: t.display_name for t in teams},
        "statuses": [s.value for s in Status],
        "reasons": TRANSFER_REASONS,
        "live_url": (
            f"/live/stream?conversation_id={conversation.id}&after={current_cursor(session)}"
        ),
        "playbook": coaching_views.side_playbook(session, conversation),
    }
    context.update(protection_context(session, principal, conversation, context["timeline"]))
    context.update(conversation_flags(session, conversation))
    context.update(correction_context(session))
    context.update(conversation_callbacks(session, conversation))
    return context


def _page(
    request: Request,
    session: Session,
    principal: Principal,
    conversation: Conversation,
    *,
    error: str | None = None,
    form: dict[str, str] | None = None,
    revealed: dict[int, str] | None = None,
    status_code: int = 200,
    extra: dict[str, Any] | None = None,
) -> HTMLResponse:
    context = _conversation_context(session, principal, conversation)
    context.update(error=error, form=form or {}, revealed=revealed or {})
    context.update(extra or {})
    return render(
        request,
        "conversations/conversation.html",
        context,
        principal=principal,
        status_code=status_code,
    )


render_conversation = _page


@router.get("/conversations/{conversation_id}")
def conversation_page(
    conversation_id: int, request: Request, session: SessionDep, principal: PagePrincipal
) -> HTMLResponse:
    """One conversation inside the customer's whole cross-channel history."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    return _page(request, session, principal, conversation)


@router.get("/conversations/{conversation_id}/{action}")
def action_url_opened(conversation_id: int, action: str) -> RedirectResponse:
    """An action's address opened as a page (e.g. `next` after signing in again)."""
    del action
    return _back(conversation_id)


def _back(conversation_id: int) -> RedirectResponse:
    return RedirectResponse(
        f"/conversations/{conversation_id}", status_code=status.HTTP_303_SEE_OTHER
    )


def _refused(
    request: Request,
    session: Session,
    principal: Principal,
    conversation: Conversation,
    error: HTTPException,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    """Show a service's refusal (e.g. the conversation is closed) on the page itself."""
    session.rollback()
    closed = conversation.status == Status.closed.value
    return _page(
        request,
        session,
        principal,
        conversation,
        error="conv.closed" if closed else str(error.detail),
        form=form,
        status_code=error.status_code,
    )


TextField = Annotated[str, Form(max_length=MAX_TEXT)]


@router.post("/conversations/{conversation_id}/reply", response_model=None)
def reply(
    conversation_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    settings: SettingsDep,
    text: TextField = "",
    mode: Annotated[str, Form()] = "reply",
    confirmed: Annotated[str, Form()] = "",
) -> Response:
    """Send a reply, or save an internal note when `mode` is "note".

    A reply the coach scores under the threshold comes back once for confirmation.
    """
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    form = {"text": text, "mode": mode}
    if not text.strip():
        return _page(
            request,
            session,
            principal,
            conversation,
            error="conv.text_required",
            form=form,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    try:
        if mode == "note":
            service.add_note(
                session, conversation=conversation, author=principal, text=text.strip()
            )
        else:
            below = settings.coach_confirm_below
            open_ = conversation.status != Status.closed.value
            check = (
                None
                if confirmed or not open_
                else coaching_views.low_score_check(
                    session, conversation, principal, text.strip(), below
                )
            )
            if check is not None:
                return _page(
                    request,
                    session,
                    principal,
                    conversation,
                    form=form,
                    extra=check,
                    status_code=status.HTTP_409_CONFLICT,
                )
            coaching.send_reply(
                session,
                conversation=conversation,
                author=principal,
                text=text.strip(),
                confirmed_low=bool(confirmed),
                threshold=below,
            )
            prometheus.REPLIES.labels(channel=conversation.channel).inc()
    except HTTPException as error:
        return _refused(request, session, principal, conversation, error, form)
    return _back(conversation_id)


@router.post("/conversations/{conversation_id}/status", response_model=None)
def change_status(
    conversation_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    new_status: Annotated[str, Form(alias="status")] = "",
) -> Response:
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    if new_status not in Status.__members__:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"unknown status {new_status!r}")
    try:
        service.change_status(
            session, conversation=conversation, new_status=Status(new_status), actor=principal
        )
    except HTTPException as error:
        return _refused(request, session, principal, conversation, error)
    return _back(conversation_id)


def _user(session: Session, principal: Principal, ref: str) -> User:
    user = accounts.get(
        session, user_id=repository.resolve_user_id(session, principal=principal, ref=ref)
    )
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no user {ref!r}")
    return user


@router.post("/conversations/{conversation_id}/assign", response_model=None)
def assign(
    conversation_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    agent: Annotated[str, Form()] = "",
) -> Response:
    """Give the conversation to an agent; an empty choice puts it back in the queue."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    try:
        user = _user(session, principal, agent) if agent else None
        service.assign(session, conversation=conversation, agent=user, actor=principal)
    except HTTPException as error:
        return _refused(request, session, principal, conversation, error)
    return _back(conversation_id)


def transfer_reason(choice: str, detail: str) -> str:
    """The reason as stored: a stable code, with the agent's words after it when given."""
    choice, detail = choice.strip(), detail.strip()
    if choice not in TRANSFER_REASONS or choice == "other":
        return detail
    return f"{choice}: {detail}" if detail else choice


@router.post("/conversations/{conversation_id}/transfer", response_model=None)
def transfer(
    conversation_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    team: Annotated[str, Form()] = "",
    agent: Annotated[str, Form()] = "",
    reason: Annotated[str, Form(max_length=100)] = "",
    reason_detail: Annotated[str, Form(max_length=400)] = "",
    note: TextField = "",
) -> Response:
    """Hand over to a team or an agent. Without a reason the transfer is refused."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    form = {
        "team": team,
        "agent": agent,
        "reason": reason,
        "reason_detail": reason_detail,
        "note": note,
    }
    stored_reason = transfer_reason(reason, reason_detail)
    problem = (
        "conv.transfer.reason_required"
        if not stored_reason
        else "conv.transfer.target_required"
        if not (team or agent)
        else None
    )
    if problem:
        return _page(
            request,
            session,
            principal,
            conversation,
            error=problem,
            form=form,
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        )
    try:
        service.transfer(
            session,
            conversation=conversation,
            team=service.find_team(session, name=team) if team else None,
            agent=_user(session, principal, agent) if agent else None,
            reason=stored_reason,
            note=note.strip() or None,
            actor=principal,
        )
    except HTTPException as error:
        return _refused(request, session, principal, conversation, error, form)
    return _back(conversation_id)


@router.post("/messages/{message_id}/reveal", response_model=None)
def reveal(
    message_id: int,
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    reason: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Show one message's original text (personal data unmasked); every reveal is audited."""
    message = repository.access_message_by_id(session, principal=principal, message_id=message_id)
    text = service.reveal(session, message=message, actor=principal, reason=reason or None)
    if request.headers.get("hx-request"):
        return render(
            request,
            "conversations/_revealed.html",
            {"message_id": message.id, "text": text},
            principal=principal,
        )
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=message.conversation_id
    )
    return _page(request, session, principal, conversation, revealed={message.id: text})
