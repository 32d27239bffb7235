"""JSON routes for teams, agents' routing profiles, queues, waits, callbacks and reports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts import service as accounts
from gonggam.accounts.models import Role, User
from gonggam.accounts.principal import Principal
from gonggam.conversations import repository
from gonggam.deps import AdminPrincipal, CurrentPrincipal, SessionDep, SupervisorPrincipal
from gonggam.routing import agents, announce, callbacks
from gonggam.routing.assign import loads
from gonggam.routing.models import CallbackRequest, Presence, Team
from gonggam.routing.schemas import (
    AccuracyOut,
    AgentOut,
    CallbackIn,
    PresenceIn,
    ProfileIn,
    QueueOut,
    QueuesOut,
    TeamIn,
    TeamOut,
    TransferReportOut,
    WaitingCallbackOut,
    WaitOut,
)
from gonggam.routing.sla_api import router as sla_router
from gonggam.routing.transfers import transfer_report
from gonggam.routing.waittime import queue_summaries, wait_for_conversation

router = APIRouter(prefix="/api/v1", tags=["routing"])


def team_out(team: Team) -> TeamOut:
    return TeamOut.model_validate(team, from_attributes=True)


@router.get("/teams")
def list_teams(session: SessionDep, principal: CurrentPrincipal) -> list[TeamOut]:
    del principal
    return [team_out(t) for t in session.scalars(select(Team).order_by(Team.id))]


@router.post("/teams", status_code=status.HTTP_201_CREATED)
def create_team(body: TeamIn, session: SessionDep, principal: AdminPrincipal) -> TeamOut:
    if session.scalar(select(Team).where(Team.name == body.name)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"team {body.name!r} exists")
    team = Team(**body.model_dump())
    session.add(team)
    session.flush()
    accounts.audit(session, actor=principal, action="team.create", target=f"team:{team.id}")
    session.commit()
    return team_out(team)


def agent_out(session: Session, user: User) -> AgentOut:
    profile = agents.profile_of(session, user=user)
    live, mail = loads(session, [user.id]).get(user.id, (0, 0))
    return AgentOut(
        id=user.id,
        email=user.email,
        name=user.name,
        team=user.team.name if user.team else None,
        presence=Presence(profile.presence),
        skills=profile.skills,
        chat_capacity=profile.chat_capacity,
        email_capacity=profile.email_capacity,
        live_load=live,
        email_load=mail,
    )


def _agent(session: Session, principal: Principal, ref: str) -> User:
    user = session.get(User, repository.resolve_user_id(session, principal=principal, ref=ref))
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no user {ref!r}")
    return user


@router.get("/agents")
def list_agents(session: SessionDep, principal: SupervisorPrincipal) -> list[AgentOut]:
    """Every active person with their presence, skills, capacity and current load."""
    del principal
    users = session.scalars(select(User).where(User.is_active.is_(True)).order_by(User.id))
    found = [agent_out(session, u) for u in users]
    session.commit()  # profiles created on first look
    return found


@router.put("/agents/{ref}/presence")
def set_presence(
    ref: str, body: PresenceIn, session: SessionDep, principal: CurrentPrincipal
) -> AgentOut:
    """Online, away or offline: people set their own; supervisors may set anyone's."""
    user = _agent(session, principal, ref)
    if user.id != principal.user_id and not principal.has_role(Role.supervisor):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only a supervisor sets someone else's")
    agents.set_presence(session, user=user, presence=body.presence, actor=principal)
    return agent_out(session, user)


@router.put("/agents/{ref}/profile")
def update_profile(
    ref: str, body: ProfileIn, session: SessionDep, principal: SupervisorPrincipal
) -> AgentOut:
    """Skills and capacities (supervisors and admins)."""
    user = _agent(session, principal, ref)
    agents.update_profile(session, user=user, actor=principal, **body.model_dump())
    return agent_out(session, user)


@router.get("/queues")
def list_queues(session: SessionDep, principal: CurrentPrincipal) -> QueuesOut:
    """Each team's queue: waiting customers, agents online for it, and the estimated wait a
    customer joining now would be told (null when nobody who could answer is online)."""
    del principal
    return QueuesOut(
        items=[
            QueueOut(
                name=q.name,
                display_name=q.display_name,
                waiting=q.waiting,
                agents_available=q.agents_available,
                estimated_wait_seconds=q.estimated_wait_seconds,
            )
            for q in queue_summaries(session)
        ]
    )


@router.get("/conversations/{conversation_id}/wait")
def conversation_wait(
    conversation_id: int,
    session: SessionDep,
    principal: CurrentPrincipal,
    lang: Annotated[str, Query(pattern="^(ko|en)$")] = "ko",
) -> WaitOut:
    """Queue position and estimated wait of a waiting conversation (nulls when not queued)."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    estimate = wait_for_conversation(session, conversation=conversation)
    return WaitOut(
        position=estimate.position,
        estimated_wait_seconds=estimate.estimated_wait_seconds,
        announcement=announce.announcement(estimate, locale=lang),
    )


def callback_out(callback: CallbackRequest, customer: str | None = None) -> WaitingCallbackOut:
    return WaitingCallbackOut(
        id=callback.id,
        conversation_id=callback.conversation_id,
        phone=callbacks.masked_phone(callback.phone),
        status=callback.status,
        requested_at=callback.requested_at.isoformat(),
        done_at=callback.done_at.isoformat() if callback.done_at else None,
        customer=customer,
    )


@router.post("/conversations/{conversation_id}/callback", status_code=status.HTTP_201_CREATED)
def request_callback(
    conversation_id: int, body: CallbackIn, session: SessionDep, principal: CurrentPrincipal
) -> WaitingCallbackOut:
    """Record that the customer wants a call back instead of holding (number masked in the
    answer, as everywhere agents look)."""
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    callback = callbacks.request_callback(
        session, conversation=conversation, phone=body.phone, actor=principal
    )
    return callback_out(callback)


@router.get("/callbacks")
def list_callbacks(session: SessionDep, principal: CurrentPrincipal) -> list[WaitingCallbackOut]:
    """Open callbacks of the caller's team (every team for supervisors), oldest first."""
    return [
        callback_out(w.callback, w.conversation.customer.name)
        for w in callbacks.callbacks_for(session, principal)
    ]


@router.post("/callbacks/{callback_id}/complete")
def complete_callback(
    callback_id: int, session: SessionDep, principal: CurrentPrincipal
) -> WaitingCallbackOut:
    """The agent has called the customer back."""
    callback = callbacks.get_callback(session, callback_id=callback_id)
    conversation = repository.access_conversation_by_id(
        session, principal=principal, conversation_id=callback.conversation_id
    )
    callbacks.complete_callback(
        session, callback=callback, conversation=conversation, actor=principal
    )
    return callback_out(callback)


@router.get("/reports/transfers")
def transfers(
    session: SessionDep,
    principal: SupervisorPrincipal,
    since: datetime | None = None,
    until: datetime | None = None,
) -> TransferReportOut:
    """Transfer rate and reasons (target: zero) for conversations created in the window."""
    del principal
    report = transfer_report(session, since=since, until=until)
    return TransferReportOut(
        conversations=report.conversations,
        transferred_conversations=report.transferred_conversations,
        transfers=report.transfers,
        repeated=report.repeated,
        transfer_rate=report.transfer_rate,
        by_reason=report.by_reason,
        by_team=report.by_team,
    )


@router.get("/reports/wait-accuracy")
def wait_accuracy(
    session: SessionDep, principal: SupervisorPrincipal, since: datetime | None = None
) -> AccuracyOut:
    """Announced wait against the actual wait of the customers who were served."""
    del principal
    report = announce.accuracy_report(session, since=since)
    return AccuracyOut(**report.__dict__)


router.include_router(sla_router)
