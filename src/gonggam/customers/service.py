"""Customers: identity resolution across channels, profiles and timelines."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonggam.customers.identity import (
    external_identity,
    normalize_email,
    normalize_phone,
)
from gonggam.customers.models import Customer, CustomerIdentity, IdentityKind


@dataclass(frozen=True)
class CustomerRef:
    """How a channel names the sender of a message."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    external_id: str | None = None

    def identities(self, channel: str) -> list[tuple[IdentityKind, str]]:
        """Normalised identities, strongest first (raises InvalidIdentity on a bad one)."""
        found: list[tuple[IdentityKind, str]] = []
        if self.email:
            found.append((IdentityKind.email, normalize_email(self.email)))
        if self.phone:
            found.append((IdentityKind.phone, normalize_phone(self.phone)))
        if self.external_id:
            found.append((IdentityKind.external, external_identity(channel, self.external_id)))
        return found


def get(session: Session, *, customer_id: int) -> Customer | None:
    return session.get(Customer, customer_id)


def find_by_identity(session: Session, *, kind: IdentityKind, value: str) -> Customer | None:
    identity = session.scalar(
        select(CustomerIdentity).where(
            CustomerIdentity.kind == kind.value, CustomerIdentity.value == value
        )
    )
    return identity.customer if identity else None


def resolve(session: Session, *, ref: CustomerRef, channel: str) -> Customer:
    """The customer behind `ref`, created if new; identities they bring are attached to them.

    The strongest known identity wins. An identity that already belongs to someone else is
    left alone: merging two people is a deliberate act, never a side effect of one message.
    """
    identities = ref.identities(channel)
    customer: Customer | None = None
    for kind, value in identities:
        customer = find_by_identity(session, kind=kind, value=value)
        if customer is not None:
            break
    if customer is None:
        customer = Customer(name=ref.name)
        session.add(customer)
        session.flush()
    elif ref.name and not customer.name:
        customer.name = ref.name
    known = {(i.kind, i.value) for i in customer.identities}
    for kind, value in identities:
        if (kind.value, value) in known:
            continue
        if find_by_identity(session, kind=kind, value=value) is None:
            session.add(CustomerIdentity(customer_id=customer.id, kind=kind.value, value=value))
    session.flush()
    session.refresh(customer, ["identities"])
    return customer
