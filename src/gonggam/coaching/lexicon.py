"""The admins' boilerplate phrases, used by the coach on top of the built-in lexicon."""

from __future__ import annotations

from fastapi import HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.accounts.service import audit
from gonggam.coach.cliches import compile_phrase
from gonggam.coaching import repository
from gonggam.coaching.models import ClichePhrase

MAX_PHRASE = 200


def list_phrases(session: Session) -> list[ClichePhrase]:
    """The admins' phrases, oldest first."""
    return repository.admin_phrases(session)


def phrase_problem(phrase: str) -> str | None:
    """Why a phrase cannot be added ("length", "no_words"), or None when it can."""
    cleaned = " ".join(phrase.split())
    if not cleaned or len(cleaned) > MAX_PHRASE:
        return "length"
    # Compiling now also warms the coach's cache of reduced phrases.
    if not compile_phrase(cleaned).keys:
        return "no_words"
    return None


def add_phrase(session: Session, *, actor: Principal, phrase: str) -> ClichePhrase:
    """Add a phrase; it must reduce to words the coach can match (not only particles)."""
    cleaned = " ".join(phrase.split())
    problem = phrase_problem(cleaned)
    if problem == "length":
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"a phrase has 1–{MAX_PHRASE} characters"
        )
    if problem == "no_words":
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "the phrase has no words the coach can match"
        )
    existing = session.scalar(select(ClichePhrase).where(ClichePhrase.phrase == cleaned))
    if existing is not None:
        return existing
    row = ClichePhrase(phrase=cleaned, added_by=actor.user_id)
    session.add(row)
    audit(session, actor=actor, action="cliche.add", target=cleaned)
    session.commit()
    return row


def remove_phrase(session: Session, *, actor: Principal, phrase_id: int) -> None:
    """Remove an admin phrase (built-in ones cannot be removed)."""
    row = session.get(ClichePhrase, phrase_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no phrase {phrase_id}")
    audit(session, actor=actor, action="cliche.remove", target=row.phrase)
    session.delete(row)
    session.commit()
