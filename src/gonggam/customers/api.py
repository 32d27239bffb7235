"""JSON routes for customers: profile, timeline, merge suggestions, merge and undo."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from gonggam.conversations import present
from gonggam.conversations.schemas import CustomerOut, Timeline
from gonggam.customers import service
from gonggam.customers.merge import merge_customers, merges_of, undo_merge
from gonggam.customers.models import Customer, CustomerMerge
from gonggam.customers.schemas import (
    MergeIn,
    MergeList,
    MergeOut,
    SuggestionList,
    SuggestionOut,
)
from gonggam.customers.suggestions import suggestions_for
from gonggam.deps import CurrentPrincipal, SessionDep

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])


def _customer(session: SessionDep, customer_id: int) -> Customer:
    customer = service.get(session, customer_id=customer_id)
    if customer is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"customer {customer_id} not found")
    return customer


def merge_out(record: CustomerMerge) -> MergeOut:
    return MergeOut(
        id=record.id,
        survivor_id=record.survivor_id,
        merged_id=record.merged_id,
        actor=record.actor_label,
        reason=record.reason,
        moved=record.moved,
        created_at=record.created_at,
        undone_at=record.undone_at,
        undone_by=record.undone_by,
    )


@router.get("/{customer_id}")
def get_customer(customer_id: int, session: SessionDep, principal: CurrentPrincipal) -> CustomerOut:
    del principal
    return present.customer_out(_customer(session, customer_id))


@router.get("/{customer_id}/timeline")
def timeline(customer_id: int, session: SessionDep, principal: CurrentPrincipal) -> Timeline:
    """Every message and event of the customer across channels, oldest first."""
    del principal
    customer = _customer(session, customer_id)
    return Timeline(
        customer=present.customer_out(customer), entries=present.timeline(session, customer_id)
    )


@router.get("/{customer_id}/suggestions")
def suggestions(
    customer_id: int, session: SessionDep, principal: CurrentPrincipal
) -> SuggestionList:
    """Customers who may be the same person (weak evidence; an agent decides)."""
    del principal
    found = suggestions_for(session, customer=_customer(session, customer_id))
    return SuggestionList(
        items=[
            SuggestionOut(customer=present.customer_out(s.customer), reasons=s.reasons)
            for s in found
        ]
    )


@router.get("/{customer_id}/merges")
def merges(customer_id: int, session: SessionDep, principal: CurrentPrincipal) -> MergeList:
    """Merges this customer took part in, newest first, with what each moved."""
    del principal
    _customer(session, customer_id)
    return MergeList(items=[merge_out(m) for m in merges_of(session, customer_id=customer_id)])


@router.post("/{customer_id}/merge", status_code=status.HTTP_201_CREATED)
def merge(
    customer_id: int, body: MergeIn, session: SessionDep, principal: CurrentPrincipal
) -> MergeOut:
    """Merge customer `other_id` into this one: one customer, one timeline (undoable)."""
    record = merge_customers(
        session, customer_id=customer_id, other_id=body.other_id, actor=principal
    )
    return merge_out(record)


@router.post("/merges/{merge_id}/undo")
def undo(merge_id: int, session: SessionDep, principal: CurrentPrincipal) -> MergeOut:
    """Give both customers back exactly what they had before the merge."""
    return merge_out(undo_merge(session, merge_id=merge_id, actor=principal))
