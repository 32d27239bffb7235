"""JSON routes for customers."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from gonggam.conversations import present
from gonggam.conversations.schemas import CustomerOut, Timeline
from gonggam.customers import service
from gonggam.deps import CurrentPrincipal, SessionDep

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])


@router.get("/{customer_id}")
def get_customer(customer_id: int, session: SessionDep, principal: CurrentPrincipal) -> CustomerOut:
    del principal
    customer = service.get(session, customer_id=customer_id)
    if customer is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"customer {customer_id} not found")
    return present.customer_out(customer)


@router.get("/{customer_id}/timeline")
def timeline(customer_id: int, session: SessionDep, principal: CurrentPrincipal) -> Timeline:
    """Every message and event of the customer across channels, oldest first."""
    del principal
    customer = service.get(session, customer_id=customer_id)
    if customer is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"customer {customer_id} not found")
    return Timeline(
        customer=present.customer_out(customer), entries=present.timeline(session, customer_id)
    )
