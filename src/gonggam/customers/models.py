"""Customers and the channel identities that point at them."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gonggam.db import Base
from gonggam.kit.clock import utcnow
from gonggam.kit.types import AwareDateTime


class IdentityKind(enum.StrEnum):
    email = "email"
    phone = "phone"
    # An id given by a messenger or integration, scoped by channel ("kakao:abc123").
    external = "external"


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    # Set while this customer's history lives on another customer (undone by undoing the merge).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))

    identities: Mapped[list[CustomerIdentity]] = relationship(
        back_populates="customer", lazy="selectin", order_by="CustomerIdentity.id"
    )

    def identity(self, kind: IdentityKind) -> str | None:
        """The first identity of a kind, e.g. the customer's e-mail."""
        return next((i.value for i in self.identities if i.kind == kind.value), None)


class CustomerIdentity(Base):
    __tablename__ = "customer_identities"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(254))
    verified: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)

    customer: Mapped[Customer] = relationship(back_populates="identities")


class IdentityClaim(Base):
    """An identity a customer gave that already belongs to someone else, unverified.

    It is not strong enough to merge the two automatically; agents see it as a suggestion.
    """

    __tablename__ = "identity_claims"
    __table_args__ = (UniqueConstraint("customer_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(254), index=True)
    channel: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)


class CustomerMerge(Base):
    """One merge of `merged_id` into `survivor_id`, with exactly what moved, so it can be undone."""

    __tablename__ = "customer_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    # None for an automatic merge on a strong identifier.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(254))
    reason: Mapped[str] = mapped_column(String(200))
    # {"conversations": [...], "messages": [...], "events": [...], "identities": [...],
    #  "claims": [...], "name_taken": str | None}
    moved: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    undone_by: Mapped[str | None] = mapped_column(String(254))
