"""Customer merging from the agent's pages: suggestions, merge by number, undo.

Plain form posts answered with a 303 back to the conversation, like every other action.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, status
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from gonggam.customers.merge import merge_customers, merges_of, undo_merge
from gonggam.customers.models import Customer
from gonggam.customers.suggestions import suggestions_for
from gonggam.deps import PagePrincipal, SessionDep

router = APIRouter(include_in_schema=False)


def merge_panel(session: Session, *, customer: Customer) -> dict[str, Any]:
    """What the customer card shows about merging: suggestions and this customer's merges."""
    return {
        "suggestions": suggestions_for(session, customer=customer),
        "merges": merges_of(session, customer_id=customer.id)[:5],
    }


def _back(conversation_id: int) -> RedirectResponse:
    return RedirectResponse(
        f"/conversations/{conversation_id}", status_code=status.HTTP_303_SEE_OTHER
    )


@router.post("/customers/{customer_id}/merge")
def merge(
    customer_id: int,
    other_id: Annotated[int, Form()],
    back: Annotated[int, Form()],
    session: SessionDep,
    principal: PagePrincipal,
) -> RedirectResponse:
    """Merge customer `other_id` into this one, then show the conversation again."""
    merge_customers(session, customer_id=customer_id, other_id=other_id, actor=principal)
    return _back(back)


@router.post("/customers/merges/{merge_id}/undo")
def undo(
    merge_id: int,
    back: Annotated[int, Form()],
    session: SessionDep,
    principal: PagePrincipal,
) -> RedirectResponse:
    undo_merge(session, merge_id=merge_id, actor=principal)
    return _back(back)
