"""Protection pages and actions: masking choice, hand-over and ending, restriction, evidence,
the supervisors' alerts and per-agent counts, and the admins' policy form."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from gonggam.accounts import service as accounts
from gonggam.accounts.models import Role
from gonggam.accounts.principal import Principal
from gonggam.conversations import repository
from gonggam.conversations import service as conversations
from gonggam.conversations.models import Conversation
from gonggam.conversations.schemas import MAX_TEXT, TimelineEntry
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.protection import oversight, service
from gonggam.protection.models import Restriction
from gonggam.protection.present import shielded_timeline
from gonggam.routing.service import list_teams
from gonggam.web.templating import render

router = APIRouter(include_in_schema=False)
HANDOVER_REASON = "abuse"


def _require(principal: Principal, role: Role) -> None:
    if not principal.has_role(role):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role.value} role")


def _back(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=status.HTTP_303_SEE_OTHER)


def conversation_context(
    session: Session,
    principal: Principal,
    conversation: Conversation,
    timeline: list[TimelineEntry],
) -> dict[str, Any]:
    """What the conversation page needs to mask abuse and show the protection card."""
    show = service.shows_abuse(session, user_id=principal.user_id)
    incidents = service.conversation_abuse(session, conversation_id=conversation.id)
    rules = service.policy(session)
    return {
        "shielded": shielded_timeline(timeline, show_abuse=show),
        "protection": {
            "show_abuse": show,
            "incidents": len(incidents),
            "warnings_sent": sum(1 for i in incidents if i.action == "warned"),
            "max_warnings": rules.max_warnings,
            "alerts": sum(1 for i in incidents if i.alert),
            "restriction": service.restriction(session, customer_id=conversation.customer_id),
            "customer_abuse": oversight.customer_abuse_count(
                session, customer_id=conversation.customer_id
            ),
            "supervisor": principal.has_role(Role.supervisor),
            "levels": [r.value for r in Restriction],
        },
    }


@router.post("/protection/preference")
def choose_masking(
    session: SessionDep,
    principal: PagePrincipal,
    show: Annotated[str, Form()] = "",
    back: Annotated[str, Form(max_length=200)] = "/inbox",
) -> RedirectResponse:
    """The agent's own choice: see abusive words masked (default) or as written."""
    service.choose_show_abuse(session, actor=principal, show=show == "1")
    return _back(back if back.startswith("/") and not back.startswith("//") else "/inbox")


@router.post("/conversations/{conversation_id}/protection/end")
def end_conversation(
    conversation_id: int, session: SessionDep, principal: PagePrincipal
) -> RedirectResponse:
    """End an abusive conversation per policy: the final notice goes out, then it closes."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    service.end_conversation(session, conversation=conversation, actor=principal)
    return _back(f"/conversations/{conversation_id}")


@router.post("/conversations/{conversation_id}/protection/handover")
def hand_over(
    conversation_id: int,
    session: SessionDep,
    principal: PagePrincipal,
    agent: Annotated[str, Form()] = "",
    note: Annotated[str, Form(max_length=MAX_TEXT)] = "",
) -> RedirectResponse:
    """Hand the conversation to a supervisor or another agent; the reason is "abuse"."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    user_id = repository.resolve_user_id(session, principal=principal, ref=agent) if agent else None
    user = accounts.get(session, user_id=user_id) if user_id else None
    if user is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "choose who takes over")
    conversations.transfer(
        session,
        conversation=conversation,
        team=None,
        agent=user,
        reason=HANDOVER_REASON,
        note=note.strip() or None,
        actor=principal,
    )
    return _back(f"/conversations/{conversation_id}")


@router.post("/customers/{customer_id}/restriction")
def restrict_customer(
    customer_id: int,
    session: SessionDep,
    principal: PagePrincipal,
    level: Annotated[str, Form()] = "",
    reason: Annotated[str, Form(max_length=400)] = "",
    back: Annotated[str, Form(max_length=200)] = "/protection",
) -> RedirectResponse:
    """Limit the customer's future contact (supervisors)."""
    _require(principal, Role.supervisor)
    if level not in Restriction.__members__:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"unknown level {level!r}")
    service.restrict(
        session,
        actor=principal,
        customer_id=customer_id,
        level=Restriction(level),
        reason=reason.strip() or None,
    )
    return _back(back if back.startswith("/") and not back.startswith("//") else "/protection")


@router.get("/customers/{customer_id}/abuse-evidence")
def export_evidence(
    customer_id: int, session: SessionDep, principal: PagePrincipal, format: str = "csv"
) -> Response:
    """The customer's abusive messages as CSV or JSON, original text included; audited."""
    _require(principal, Role.supervisor)
    if format not in ("csv", "json"):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "format is csv or json")
    records = oversight.evidence(session, customer_id=customer_id, actor=principal)
    name = f"abuse-evidence-customer-{customer_id}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format == "json":
        body = oversight.evidence_json(records, customer_id=customer_id)
        return Response(body, media_type="application/json", headers=headers)
    return Response(
        oversight.evidence_csv(records), media_type="text/csv; charset=utf-8", headers=headers
    )


@router.get("/protection")
def protection_page(
    request: Request, session: SessionDep, principal: PagePrincipal
) -> HTMLResponse:
    """Supervisors: alerts about abusive customers and how much abuse each agent took."""
    _require(principal, Role.supervisor)
    return render(
        request,
        "protection/overview.html",
        {"alerts": oversight.alerts(session), "agents": oversight.per_agent(session)},
        principal=principal,
    )


@router.post("/protection/alerts/{incident_id}/seen")
def alert_seen(incident_id: int, session: SessionDep, principal: PagePrincipal) -> RedirectResponse:
    _require(principal, Role.supervisor)
    oversight.acknowledge(session, incident_id=incident_id, actor=principal)
    return _back("/protection")


@router.get("/protection/policy")
def policy_page(request: Request, session: SessionDep, principal: PagePrincipal) -> HTMLResponse:
    """Admins: the warnings, their limit, ending at a threat, alerts and the senior team."""
    _require(principal, Role.admin)
    rules = service.policy(session)
    session.commit()
    return render(
        request,
        "protection/policy.html",
        {"policy": rules, "teams": list_teams(session), "saved": False},
        principal=principal,
    )


@router.post("/protection/policy")
def save_policy(
    request: Request,
    session: SessionDep,
    principal: PagePrincipal,
    max_warnings: Annotated[int, Form(ge=0, le=10)] = 3,
    end_on_threat: Annotated[str, Form()] = "",
    warnings: Annotated[str, Form(max_length=5000)] = "",
    final_notice: Annotated[str, Form(max_length=2000)] = "",
    alert_at: Annotated[int, Form(ge=1, le=20)] = 2,
    senior_team: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Save the policy; one warning per line, the n-th line is the n-th warning."""
    _require(principal, Role.admin)
    team = conversations.find_team(session, name=senior_team) if senior_team else None
    rules = service.update_policy(
        session,
        actor=principal,
        max_warnings=max_warnings,
        end_on_threat=end_on_threat == "1",
        warnings=warnings.splitlines(),
        final_notice=final_notice,
        alert_at=alert_at,
        senior_team_id=team.id if team else None,
    )
    return render(
        request,
        "protection/policy.html",
        {"policy": rules, "teams": list_teams(session), "saved": True},
        principal=principal,
    )
