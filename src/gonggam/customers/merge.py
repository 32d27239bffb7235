"""Merging two customers into one, and undoing it exactly.

A merge moves the merged customer's conversations, messages, timeline events, identities and
claims onto the survivor and writes down every row id it moved (`CustomerMerge.moved`), so
undo moves back exactly those rows (plus whatever happened since inside the moved
conversations). Timeline events are never rewritten: only their customer key follows the
conversation they belong to.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, status
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from gonggam.accounts.principal import Principal
from gonggam.accounts.service import audit
from gonggam.conversations.models import Conversation, Event, EventKind, Message
from gonggam.conversations.service import record_event
from gonggam.customers.models import Customer, CustomerIdentity, CustomerMerge, IdentityClaim
from gonggam.kit.clock import utcnow
from gonggam.protection.models import AbuseIncident, CustomerRestriction, Restriction


def _conflict(reason: str) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, reason)


def merge_into(
    session: Session,
    *,
    survivor: Customer,
    merged: Customer,
    actor: Principal | None,
    reason: str,
) -> CustomerMerge:
    """Move everything of `merged` onto `survivor` in the caller's transaction."""
    if survivor.id == merged.id:
        raise _conflict("a customer cannot be merged with themselves")
    if survivor.merged_into_id is not None or merged.merged_into_id is not None:
        raise _conflict("one of these customers was already merged into another")
    conversations = list(
        session.scalars(select(Conversation).where(Conversation.customer_id == merged.id))
    )
    message_ids = list(session.scalars(select(Message.id).where(Message.customer_id == merged.id)))
    event_ids = list(session.scalars(select(Event.id).where(Event.customer_id == merged.id)))
    identities = list(merged.identities)
    claims = list(
        session.scalars(select(IdentityClaim).where(IdentityClaim.customer_id == merged.id))
    )
    name_taken = merged.name if merged.name and not survivor.name else None
    abuse_ids = list(
        session.scalars(select(AbuseIncident.id).where(AbuseIncident.customer_id == merged.id))
    )
    moved: dict[str, Any] = {
        "conversations": [c.id for c in conversations],
        "messages": message_ids,
        "events": event_ids,
        "identities": [{"id": i.id, "kind": i.kind, "value": i.value} for i in identities],
        "claims": [c.id for c in claims],
        "abuse_incidents": abuse_ids,
        "restriction_copied": _copy_restriction(session, survivor=survivor, merged=merged),
        "name_taken": name_taken,
    }
    # Abuse evidence follows the person, so warnings, alerts and exports see one history.
    if abuse_ids:
        session.execute(
            update(AbuseIncident)
            .where(AbuseIncident.id.in_(abuse_ids))
            .values(customer_id=survivor.id)
            .execution_options(synchronize_session=False)
        )
    for conversation in conversations:
        conversation.customer_id = survivor.id
    if message_ids:
        session.execute(
            update(Message)
            .where(Message.id.in_(message_ids))
            .values(customer_id=survivor.id)
            .execution_options(synchronize_session=False)
        )
    _rekey_events(session, event_ids=event_ids, conversation_ids=[], customer_id=survivor.id)
    for identity in identities:
        identity.customer = survivor
    for claim in claims:
        claim.customer_id = survivor.id
    if name_taken:
        survivor.name = name_taken
    merged.merged_into_id = survivor.id
    record = CustomerMerge(
        survivor_id=survivor.id,
        merged_id=merged.id,
        actor_id=actor.user_id if actor else None,
        actor_label=actor.label if actor else "system",
        reason=reason,
        moved=moved,
        created_at=utcnow(),
    )
    session.add(record)
    session.flush()
    for conversation in conversations:
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.customer_merged,
            actor=actor,
            merge_id=record.id,
            from_customer=merged.id,
            into_customer=survivor.id,
            reason=reason,
        )
    audit(
        session,
        actor=actor,
        action="customer.merge",
        target=f"customer:{survivor.id}",
        merge_id=record.id,
        merged_customer=merged.id,
        reason=reason,
        moved=moved,
    )
    session.flush()
    return record


def _copy_restriction(session: Session, *, survivor: Customer, merged: Customer) -> bool:
    """A supervisor's contact restriction on either person keeps applying after the merge."""
    theirs = session.get(CustomerRestriction, merged.id)
    if theirs is None or theirs.level == Restriction.none.value:
        return False
    ours = session.get(CustomerRestriction, survivor.id)
    if ours is not None and ours.level != Restriction.none.value:
        return False
    if ours is None:
        ours = CustomerRestriction(customer_id=survivor.id)
        session.add(ours)
    ours.level = theirs.level
    ours.reason = theirs.reason
    ours.set_by = theirs.set_by
    ours.set_at = theirs.set_at
    return True


def _rekey_events(
    session: Session, *, event_ids: list[int], conversation_ids: list[int], customer_id: int
) -> None:
    """Point events at another customer. Their content stays as written (append-only)."""
    if not event_ids and not conversation_ids:
        return
    session.execute(
        update(Event)
        .where(or_(Event.id.in_(event_ids), Event.conversation_id.in_(conversation_ids)))
        .values(customer_id=customer_id)
        .execution_options(synchronize_session=False)
    )


def merge_customers(
    session: Session, *, customer_id: int, other_id: int, actor: Principal
) -> CustomerMerge:
    """An agent's merge: `other_id` joins `customer_id`, whose profile is kept."""
    survivor = session.get(Customer, customer_id)
    merged = session.get(Customer, other_id)
    if survivor is None or merged is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "customer not found")
    record = merge_into(session, survivor=survivor, merged=merged, actor=actor, reason="agent")
    session.commit()
    return record


def undo_merge(session: Session, *, merge_id: int, actor: Principal) -> CustomerMerge:
    """Give the merged customer back exactly what the merge moved, and what happened since
    inside their conversations."""
    record = session.get(CustomerMerge, merge_id)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"merge {merge_id} not found")
    if record.undone_at is not None:
        raise _conflict("this merge was already undone")
    survivor = session.get_one(Customer, record.survivor_id)
    merged = session.get_one(Customer, record.merged_id)
    if survivor.merged_into_id is not None:
        raise _conflict("the surviving customer was merged again since; undo that merge first")
    moved = record.moved
    conversation_ids: list[int] = list(moved.get("conversations", []))
    conversations = list(
        session.scalars(select(Conversation).where(Conversation.id.in_(conversation_ids)))
    )
    for conversation in conversations:
        conversation.customer_id = merged.id
    session.execute(
        update(Message)
        .where(
            or_(
                Message.id.in_(moved.get("messages", [])),
                Message.conversation_id.in_(conversation_ids),
            )
        )
        .values(customer_id=merged.id)
        .execution_options(synchronize_session=False)
    )
    _rekey_events(
        session,
        event_ids=list(moved.get("events", [])),
        conversation_ids=conversation_ids,
        customer_id=merged.id,
    )
    identity_ids = [i["id"] for i in moved.get("identities", [])]
    for identity in session.scalars(
        select(CustomerIdentity).where(CustomerIdentity.id.in_(identity_ids))
    ):
        identity.customer = merged
    session.execute(
        update(IdentityClaim)
        .where(IdentityClaim.id.in_(moved.get("claims", [])))
        .values(customer_id=merged.id)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(AbuseIncident)
        .where(
            or_(
                AbuseIncident.id.in_(moved.get("abuse_incidents", [])),
                AbuseIncident.conversation_id.in_(conversation_ids),
            )
        )
        .values(customer_id=merged.id)
        .execution_options(synchronize_session=False)
    )
    if moved.get("restriction_copied"):
        copied = session.get(CustomerRestriction, survivor.id)
        if copied is not None:
            session.delete(copied)
    if moved.get("name_taken") and survivor.name == moved["name_taken"]:
        survivor.name = None
    merged.merged_into_id = None
    record.undone_at = utcnow()
    record.undone_by = actor.label
    for conversation in conversations:
        record_event(
            session,
            conversation=conversation,
            kind=EventKind.merge_undone,
            actor=actor,
            merge_id=record.id,
            from_customer=survivor.id,
            into_customer=merged.id,
        )
    audit(
        session,
        actor=actor,
        action="customer.merge_undo",
        target=f"customer:{merged.id}",
        merge_id=record.id,
        survivor_customer=survivor.id,
        moved_back=moved,
    )
    session.commit()
    return record


def merges_of(session: Session, *, customer_id: int) -> list[CustomerMerge]:
    """Merges this customer took part in, newest first."""
    return list(
        session.scalars(
            select(CustomerMerge)
            .where(
                or_(
                    CustomerMerge.survivor_id == customer_id,
                    CustomerMerge.merged_id == customer_id,
                )
            )
            .order_by(CustomerMerge.id.desc())
        )
    )
