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
from gonggam.customers.models import Customer, CustomerIdentity, IdentityClaim, IdentityKind


@dataclass(frozen=True)
class Link:
    """One normalised identity a message carries, and whether it is strong enough to merge on."""

    kind: IdentityKind
    value: str
    strong: bool
    verified: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind.value, self.value)


@dataclass(frozen=True)
class CustomerRef:
    """How a channel names the sender of a message.

    `email_verified` is set by channels that proved the address (a received e-mail's sender is
    not proof; a host site's signed widget token is).
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    external_id: str | None = None
    email_verified: bool = False

    def identities(self, channel: str) -> list[tuple[IdentityKind, str]]:
        """Normalised identities (raises InvalidIdentity on a bad one)."""
        return [(link.kind, link.value) for link in self.links(channel)]

    def links(self, channel: str) -> list[Link]:
        """Normalised identities, strong ones first (raises InvalidIdentity on a bad one).

        Strong: a verified e-mail, a phone number, a messenger or signed widget id. An e-mail
        someone merely typed is weak: it finds its owner but never merges two customers.
        """
        found: list[Link] = []
        if self.email and self.email_verified:
            found.append(Link(IdentityKind.email, normalize_email(self.email), True, True))
        if self.phone:
            found.append(Link(IdentityKind.phone, normalize_phone(self.phone), True, False))
        if self.external_id:
            value = external_identity(channel, self.external_id)
            found.append(Link(IdentityKind.external, value, True, False))
        if self.email and not self.email_verified:
            found.append(Link(IdentityKind.email, normalize_email(self.email), False, False))
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


def _owners(session: Session, links: list[Link]) -> dict[tuple[str, str], CustomerIdentity]:
    if not links:
        return {}
    rows = session.scalars(
        select(CustomerIdentity).where(
            or_(
                *(
                    and_(
                        CustomerIdentity.kind == link.kind.value,
                        CustomerIdentity.value == link.value,
                    )
                    for link in links
                )
            )
        )
    )
    return {(row.kind, row.value): row for row in rows}


def resolve(session: Session, *, ref: CustomerRef, channel: str) -> Customer:
    """The customer behind `ref`, created if new; identities they bring are attached to them.

    When strong identities of one message belong to two customers, they are one person: the
    newer customer is merged into the older one (recorded and undoable like an agent's merge).
    A weak identity (a typed e-mail) that belongs to someone else is only remembered as a
    claim, which agents see as a merge suggestion.
    """
    from gonggam.customers.merge import merge_into

    links = ref.links(channel)
    owners = _owners(session, links)
    found = [(link, owners[link.key]) for link in links if link.key in owners]
    strong_owners = sorted({owner.customer_id for link, owner in found if link.strong})
    if strong_owners:
        customer = session.get_one(Customer, strong_owners[0])
        shared = "+".join(sorted({link.kind.value for link, _ in found if link.strong}))
        for other_id in strong_owners[1:]:
            merge_into(
                session,
                survivor=customer,
                merged=session.get_one(Customer, other_id),
                actor=None,
                reason=f"automatic: same {shared}",
            )
    elif found:
        customer = session.get_one(Customer, found[0][1].customer_id)
    else:
        customer = Customer(name=ref.name)
        session.add(customer)
        session.flush()
    if ref.name and not customer.name:
        customer.name = ref.name
    for link in links:
        owner = owners.get(link.key)
        if owner is None:
            customer.identities.append(
                CustomerIdentity(kind=link.kind.value, value=link.value, verified=link.verified)
            )
        elif owner.customer_id == customer.id:
            owner.verified = owner.verified or link.verified
        else:
            _claim(session, customer=customer, link=link, channel=channel)
    session.flush()
    return customer


def _claim(session: Session, *, customer: Customer, link: Link, channel: str) -> None:
    exists = session.scalar(
        select(IdentityClaim.id).where(
            IdentityClaim.customer_id == customer.id,
            IdentityClaim.kind == link.kind.value,
            IdentityClaim.value == link.value,
        )
    )
    if exists is None:
        session.add(
            IdentityClaim(
                customer_id=customer.id, kind=link.kind.value, value=link.value, channel=channel
            )
        )


def add_contact(session: Session, *, customer: Customer, email: str, channel: str) -> None:
    """Attach an e-mail the customer typed (unverified); someone else's becomes a claim.

    Raises InvalidIdentity when it is not an e-mail address.
    """
    link = Link(IdentityKind.email, normalize_email(email), strong=False, verified=False)
    owner = _owners(session, [link]).get(link.key)
    if owner is None:
        customer.identities.append(CustomerIdentity(kind=link.kind.value, value=link.value))
    elif owner.customer_id != customer.id:
        _claim(session, customer=customer, link=link, channel=channel)
    session.flush()
