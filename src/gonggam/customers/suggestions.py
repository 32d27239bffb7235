"""Who might be the same person as a customer: suggestions an agent confirms by merging.

Only weak evidence lands here (strong identifiers merge automatically): an e-mail or phone the
customer typed that belongs to another customer, or the same name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gonggam.customers.models import Customer, CustomerIdentity, IdentityClaim


@dataclass(frozen=True)
class Suggestion:
    customer: Customer
    reasons: list[str]  # "claimed_identity", "same_name"


def _name_key(name: str | None) -> str:
    return "".join((name or "").split()).lower()


def suggestions_for(session: Session, *, customer: Customer, limit: int = 10) -> list[Suggestion]:
    """Other live customers who may be this one, strongest evidence first."""
    reasons: dict[int, list[str]] = {}
    # Identities this customer gave that another customer owns …
    claimed_owners = session.scalars(
        select(CustomerIdentity.customer_id)
        .join(
            IdentityClaim,
            (IdentityClaim.kind == CustomerIdentity.kind)
            & (IdentityClaim.value == CustomerIdentity.value),
        )
        .where(IdentityClaim.customer_id == customer.id)
    )
    # … and others who gave one of this customer's identities.
    claimants = session.scalars(
        select(IdentityClaim.customer_id)
        .join(
            CustomerIdentity,
            (IdentityClaim.kind == CustomerIdentity.kind)
            & (IdentityClaim.value == CustomerIdentity.value),
        )
        .where(CustomerIdentity.customer_id == customer.id)
    )
    for other_id in [*claimed_owners, *claimants]:
        reasons.setdefault(other_id, []).append("claimed_identity")
    key = _name_key(customer.name)
    if key:
        same_name = session.scalars(
            select(Customer.id).where(
                func.lower(func.replace(Customer.name, " ", "")) == key,
                Customer.merged_into_id.is_(None),
            )
        )
        for other_id in same_name:
            reasons.setdefault(other_id, []).append("same_name")
    reasons.pop(customer.id, None)
    found: list[Suggestion] = []
    for other_id, why in sorted(reasons.items(), key=lambda item: (-len(item[1]), item[0])):
        other = session.get(Customer, other_id)
        if other is not None and other.merged_into_id is None:
            found.append(Suggestion(customer=other, reasons=sorted(set(why))))
    return found[:limit]
