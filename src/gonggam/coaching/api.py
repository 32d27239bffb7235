"""JSON routes: coach a reply in its conversation, drafts, playbooks, phrases, the report."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from fastapi import APIRouter, status

from gonggam.coach import CoachResult
from gonggam.coaching import lexicon, playbooks, repository, service
from gonggam.coaching.schemas import (
    CoachIn,
    CoachingReportOut,
    CoachingRowOut,
    CoachOut,
    DraftOut,
    PhraseIn,
    PhraseOut,
    PlaybookIn,
    PlaybookOut,
    RuleOut,
)
from gonggam.conversations import repository as conversations
from gonggam.deps import (
    AdminPrincipal,
    CurrentPrincipal,
    SessionDep,
    SettingsDep,
    SupervisorPrincipal,
)

router = APIRouter(prefix="/api/v1", tags=["coaching"])


def coach_out(result: CoachResult, context: service.Context, confirm_below: int) -> CoachOut:
    """The API shape of a coaching result, with the insertable sentence of each failing rule."""
    inserts = service.insertions(result, context)
    return CoachOut(
        score=result.score,
        rules=[
            RuleOut(
                id=r.id,
                status=r.status,
                evidence=r.evidence,
                suggestion=r.suggestion,
                insert=inserts.get(r.id),
            )
            for r in result.rules
        ],
        cliches=[(s, e, p) for s, e, p in result.cliches],
        situation=result.situation,
        confirm_below=confirm_below,
    )


@router.post("/conversations/{conversation_id}/coach")
def coach(
    conversation_id: int,
    body: CoachIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
) -> CoachOut:
    """Coach a reply before it is sent, with this conversation's context (SPEC 2.2)."""
    conversation = conversations.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    result, context = service.coach(session, conversation, principal, body.text)
    return coach_out(result, context, settings.coach_confirm_below)


@router.post("/conversations/{conversation_id}/draft")
def draft(
    conversation_id: int, session: SessionDep, principal: CurrentPrincipal, settings: SettingsDep
) -> DraftOut:
    """A specific reply written from the conversation's facts, already coached."""
    conversation = conversations.access_conversation_by_id(
        session, principal=principal, conversation_id=conversation_id
    )
    written, result, context = service.draft(
        session, conversation, principal, service.llm_settings(settings)
    )
    return DraftOut(
        text=written.text,
        source=written.source,
        coaching=coach_out(result, context, settings.coach_confirm_below),
    )


def _playbook_out(book: playbooks.Playbook) -> PlaybookOut:
    return PlaybookOut(**asdict(book))


@router.get("/playbooks")
def list_playbooks(
    session: SessionDep, principal: CurrentPrincipal, language: str = "ko"
) -> list[PlaybookOut]:
    """Every customer type's playbook (edited or default)."""
    del principal
    return [_playbook_out(b) for b in playbooks.all_playbooks(session, language)]


@router.put("/playbooks/{customer_type}")
def edit_playbook(
    customer_type: str, body: PlaybookIn, session: SessionDep, principal: AdminPrincipal
) -> PlaybookOut:
    """Replace a playbook's steps (admins)."""
    return _playbook_out(
        playbooks.set_playbook(
            session,
            actor=principal,
            customer_type=customer_type,
            language=body.language,
            steps=body.steps,
        )
    )


@router.delete("/playbooks/{customer_type}")
def reset_playbook(
    customer_type: str, session: SessionDep, principal: AdminPrincipal, language: str = "ko"
) -> PlaybookOut:
    """Go back to the default steps (admins)."""
    return _playbook_out(
        playbooks.reset_playbook(
            session, actor=principal, customer_type=customer_type, language=language
        )
    )


@router.get("/coach/phrases")
def list_phrases(session: SessionDep, principal: CurrentPrincipal) -> list[PhraseOut]:
    """Boilerplate phrases admins added to the built-in lexicon."""
    del principal
    return [PhraseOut(id=p.id, phrase=p.phrase) for p in lexicon.list_phrases(session)]


@router.post("/coach/phrases", status_code=status.HTTP_201_CREATED)
def add_phrase(body: PhraseIn, session: SessionDep, principal: AdminPrincipal) -> PhraseOut:
    """Add a boilerplate phrase (admins); the coach flags it from the next keystroke."""
    row = lexicon.add_phrase(session, actor=principal, phrase=body.phrase)
    return PhraseOut(id=row.id, phrase=row.phrase)


@router.delete("/coach/phrases/{phrase_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_phrase(phrase_id: int, session: SessionDep, principal: AdminPrincipal) -> None:
    lexicon.remove_phrase(session, actor=principal, phrase_id=phrase_id)


@router.get("/reports/coaching")
def coaching_report(
    session: SessionDep,
    principal: SupervisorPrincipal,
    since: datetime | None = None,
    until: datetime | None = None,
) -> CoachingReportOut:
    """Average coaching score and cliché rate per agent and per team (supervisors)."""
    del principal

    def out(row: repository.CoachingRow) -> CoachingRowOut:
        return CoachingRowOut(**asdict(row))

    return CoachingReportOut(
        overall=out(repository.coaching_overall(session, since=since, until=until)),
        agents=[out(r) for r in repository.coaching_by_agent(session, since=since, until=until)],
        teams=[out(r) for r in repository.coaching_by_team(session, since=since, until=until)],
    )
