"""Playbooks per customer type (SPEC 2.4): the defaults, or an admin's edited steps."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.accounts.service import audit
from gonggam.coach.playbooks import PLAYBOOK_DEFAULTS, PRINCIPLES, PRINCIPLES_EN, playbook_for
from gonggam.coaching import repository
from gonggam.coaching.models import PlaybookSteps

CUSTOMER_TYPES: tuple[str, ...] = tuple(PLAYBOOK_DEFAULTS)
LANGUAGES = ("ko", "en")
# Difficult customer types get their playbook beside the conversation; `standard` does not.
SHOWN_FOR = frozenset({"excessive_demand", "emotional", "service_complaint"})
MAX_STEPS = 10
MAX_STEP_CHARS = 300


@dataclass(frozen=True)
class Playbook:
    """The steps an agent sees for one customer type, and whether an admin edited them."""

    customer_type: str
    language: str
    steps: list[str]
    principles: list[str]
    edited: bool


def playbook(session: Session, customer_type: str, language: str = "ko") -> Playbook:
    """The playbook for a customer type: the admin's steps when edited, else the default."""
    language = language if language in LANGUAGES else "ko"
    kind = customer_type if customer_type in CUSTOMER_TYPES else "standard"
    edited = repository.playbook_overrides(session).get((kind, language))
    return Playbook(
        customer_type=kind,
        language=language,
        steps=edited if edited is not None else playbook_for(kind, language),
        principles=list(PRINCIPLES if language == "ko" else PRINCIPLES_EN),
        edited=edited is not None,
    )


def all_playbooks(session: Session, language: str = "ko") -> list[Playbook]:
    """Every customer type's playbook in one language."""
    return [playbook(session, kind, language) for kind in CUSTOMER_TYPES]


def _check(customer_type: str, language: str) -> None:
    if customer_type not in CUSTOMER_TYPES:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"no customer type {customer_type!r}; use one of: {', '.join(CUSTOMER_TYPES)}",
        )
    if language not in LANGUAGES:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "language must be ko or en")


def steps_problem(steps: list[str]) -> str | None:
    """Why these steps cannot be saved ("empty", "length"), or None when they can."""
    cleaned = [s.strip() for s in steps if s.strip()]
    if not cleaned:
        return "empty"
    if len(cleaned) > MAX_STEPS or any(len(s) > MAX_STEP_CHARS for s in cleaned):
        return "length"
    return None


def set_playbook(
    session: Session, *, actor: Principal, customer_type: str, language: str, steps: list[str]
) -> Playbook:
    """An admin replaces a playbook's steps (empty lines dropped); audited."""
    _check(customer_type, language)
    cleaned = [s.strip() for s in steps if s.strip()]
    problem = steps_problem(cleaned)
    if problem == "empty":
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "a playbook needs a step")
    if problem == "length":
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"at most {MAX_STEPS} steps of {MAX_STEP_CHARS} characters",
        )
    row = session.scalar(
        select(PlaybookSteps).where(
            PlaybookSteps.customer_type == customer_type, PlaybookSteps.language == language
        )
    )
    if row is None:
        row = PlaybookSteps(customer_type=customer_type, language=language)
        session.add(row)
    row.steps = cleaned
    row.updated_by = actor.user_id
    audit(
        session,
        actor=actor,
        action="playbook.edit",
        target=f"{customer_type}/{language}",
        steps=cleaned,
    )
    session.commit()
    return playbook(session, customer_type, language)


def reset_playbook(
    session: Session, *, actor: Principal, customer_type: str, language: str
) -> Playbook:
    """Go back to the default steps; audited."""
    _check(customer_type, language)
    row = session.scalar(
        select(PlaybookSteps).where(
            PlaybookSteps.customer_type == customer_type, PlaybookSteps.language == language
        )
    )
    if row is not None:
        session.delete(row)
        audit(session, actor=actor, action="playbook.reset", target=f"{customer_type}/{language}")
        session.commit()
    return playbook(session, customer_type, language)
