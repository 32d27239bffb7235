"""Customers: identity resolution across channels, profiles and timelines."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
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
    owners: dict[tuple[str, str], int] = {}
    if identities:
        rows = session.execute(
            select(
                CustomerIdentity.kind, CustomerIdentity.value, CustomerIdentity.customer_id
            ).where(
                or_(
                    *(
                        and_(CustomerIdentity.kind == k.value, CustomerIdentity.value == v)
                        for k, v in identities
                    )
                )
            )
        )
        owners = {(kind, value): owner for kind, value, owner in rows}
    owner_id = next((owners[(k.value, v)] for k, v in identities if (k.value, v) in owners), None)
    if owner_id is None:
        customer = Customer(name=ref.name)
        session.add(customer)
    else:
        found = session.get(Customer, owner_id)
        if found is None:
            raise LookupError(f"identity points at missing customer {owner_id}")
        customer = found
        if ref.name and not customer.name:
            customer.name = ref.name
    for kind, value in identities:
        if (kind.value, value) not in owners:
            customer.identities.append(CustomerIdentity(kind=kind.value, value=value))
    session.flush()
    return customer
