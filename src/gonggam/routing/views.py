"""Routing pages: the presence switch, the supervisor's queues/agents page, inbox annotations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from gonggam.accounts import service as accounts
from gonggam.accounts.models import Role, User
from gonggam.accounts.principal import Principal
from gonggam.conversations.models import Conversation
from gonggam.deps import PagePrincipal, SessionDep
from gonggam.routing import agents, alerts, sla, sla_policies
from gonggam.routing.assign import loads
from gonggam.routing.callback_views import router as callback_router
from gonggam.routing.callback_views import team_callbacks
from gonggam.routing.models import AgentProfile, Presence
from gonggam.routing.schemas import SlaPolicyIn
from gonggam.routing.waittime import QueueBoard, queue_summaries
from gonggam.web.templating import environment, render

router = APIRouter(include_in_schema=False)
router.include_router(callback_router)


def my_presence(request: Request, user_id: int) -> str:
    """The signed-in person's presence, for the top bar's switch."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session:
        profile = session.get(AgentProfile, user_id)
        return profile.presence if profile else Presence.offline.value


environment.globals["my_presence"] = my_presence


def inbox_context(
    session: Session,
    rows: list[Conversation],
    *,
    principal: Principal | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """SLA state of every row, the queue position/estimate of unassigned waiting ones, and
    the open callbacks the signed-in person works.

    One `QueueBoard` serves every row: the queues are read once per team, not once per row.
    """
    board = QueueBoard(session, now=now)
    waits = {
        c.id: board.wait(c) for c in rows if c.assignee_id is None and c.waiting_since is not None
    }
    context = {"sla_states": sla.states_for(session, rows, now), "queue_waits": waits}
    if principal is not None:
        context.update(team_callbacks(session, principal))
    return context


def _safe_next(value: str) -> str:
    return value if value.startswith("/") and not value.startswith("//") else "/inbox"


@router.post("/presence")
def set_presence(
    session: SessionDep,
    principal: PagePrincipal,
    presence: Annotated[str, Form()] = "",
    next_url: Annotated[str, Form(alias="next")] = "/inbox",
) -> RedirectResponse:
    """The top bar's switch: the signed-in person goes online, away or offline."""
    if presence not in Presence.__members__ or principal.user_id is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "unknown presence")
    user = session.get(User, principal.user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user")
    agents.set_presence(session, user=user, presence=Presence(presence), actor=principal)
    return RedirectResponse(_safe_next(next_url), status_code=status.HTTP_303_SEE_OTHER)


def _require_supervisor(principal: PagePrincipal) -> None:
    if not principal.has_role(Role.supervisor):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this page is for supervisors")


def _require_admin(principal: PagePrincipal) -> None:
    if not principal.has_role(Role.admin):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only admins change SLA policies")


@router.get("/routing")
def routing_page(request: Request, session: SessionDep, principal: PagePrincipal) -> HTMLResponse:
    """Queues with their estimated wait, agents with presence, skills and capacity, alerts."""
    _require_supervisor(principal)
    people = list(session.scalars(select(User).where(User.is_active.is_(True)).order_by(User.id)))
    profiles = {u.id: agents.profile_of(session, user=u) for u in people}
    session.commit()
    policies = sla_policies.listed(session) if principal.has_role(Role.admin) else []
    return render(
        request,
        "routing/routing.html",
        {
            "queues": queue_summaries(session),
            "people": people,
            "profiles": profiles,
            "loads": loads(session, [u.id for u in people]),
            "alerts": alerts.unacknowledged(session, limit=50),
            "policies": policies,
            "open_list": True,
            **team_callbacks(session, principal),
        },
        principal=principal,
    )


@router.post("/routing/alerts/{alert_id}/acknowledge")
def acknowledge_alert(
    alert_id: int, session: SessionDep, principal: PagePrincipal
) -> RedirectResponse:
    """The supervisor has seen the alert; it leaves the list (audited)."""
    _require_supervisor(principal)
    alerts.acknowledge(session, alert_id=alert_id, actor=principal)
    return RedirectResponse("/routing", status_code=status.HTTP_303_SEE_OTHER)


def _policy_form(
    name: str,
    priority: str,
    channel: str,
    first_response_minutes: int,
    resolution_minutes: int,
    business_hours: str,
) -> dict[str, object]:
    try:
        values = SlaPolicyIn(
            name=name,
            priority=int(priority) if priority.strip() else None,
            channel=channel.strip() or None,
            first_response_minutes=first_response_minutes,
            resolution_minutes=resolution_minutes,
            business_hours=business_hours == "on",
        )
    except (ValueError, ValidationError) as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    return values.model_dump()


PolicyName = Annotated[str, Form(max_length=100)]
PolicyPriority = Annotated[str, Form(max_length=2)]
PolicyChannel = Annotated[str, Form(max_length=40)]
PolicyMinutes = Annotated[int, Form(ge=1)]
PolicyHours = Annotated[str, Form(max_length=5)]


@router.post("/routing/sla-policies")
def create_policy(
    session: SessionDep,
    principal: PagePrincipal,
    name: PolicyName,
    first_response_minutes: PolicyMinutes,
    resolution_minutes: PolicyMinutes,
    priority: PolicyPriority = "",
    channel: PolicyChannel = "",
    business_hours: PolicyHours = "",
) -> RedirectResponse:
    """An admin adds an SLA policy from the routing page."""
    _require_admin(principal)
    values = _policy_form(
        name, priority, channel, first_response_minutes, resolution_minutes, business_hours
    )
    sla_policies.create(session, values=values, actor=principal)
    return RedirectResponse("/routing#sla-policies", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/routing/sla-policies/{policy_id}")
def update_policy(
    policy_id: int,
    session: SessionDep,
    principal: PagePrincipal,
    name: PolicyName,
    first_response_minutes: PolicyMinutes,
    resolution_minutes: PolicyMinutes,
    priority: PolicyPriority = "",
    channel: PolicyChannel = "",
    business_hours: PolicyHours = "",
) -> RedirectResponse:
    """An admin changes an SLA policy's scope or targets (new clocks use them)."""
    _require_admin(principal)
    values = _policy_form(
        name, priority, channel, first_response_minutes, resolution_minutes, business_hours
    )
    sla_policies.update(session, policy_id=policy_id, values=values, actor=principal)
    return RedirectResponse("/routing#sla-policies", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/routing/agents/{user_id}")
def update_agent(
    user_id: int,
    session: SessionDep,
    principal: PagePrincipal,
    skills: Annotated[str, Form(max_length=500)] = "",
    chat_capacity: Annotated[int, Form(ge=0, le=50)] = 3,
    email_capacity: Annotated[int, Form(ge=0, le=50)] = 10,
) -> RedirectResponse:
    """Save an agent's skills (comma-separated) and capacities."""
    _require_supervisor(principal)
    user = accounts.get(session, user_id=user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user")
    agents.update_profile(
        session,
        user=user,
        actor=principal,
        skills=[s for s in skills.replace("，", ",").split(",")],
        chat_capacity=chat_capacity,
        email_capacity=email_capacity,
    )
    return RedirectResponse("/routing", status_code=status.HTTP_303_SEE_OTHER)
