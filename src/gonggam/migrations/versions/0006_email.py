"""e-mail channel: addresses, threading headers, automatic-mail marks; IMAP cursors

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gonggam.kit.types

revision: str = "0006"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imap_cursors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=400), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imap_cursors")),
        sa.UniqueConstraint("mailbox", name=op.f("uq_imap_cursors_mailbox")),
    )
    op.create_table(
        "email_messages",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("header_message_id", sa.String(length=300), nullable=True),
        sa.Column("from_address", sa.String(length=254), nullable=True),
        sa.Column("to_address", sa.String(length=254), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=True),
        sa.Column("in_reply_to", sa.String(length=300), nullable=True),
        sa.Column("references", sa.Text(), nullable=True),
        sa.Column("automatic", sa.String(length=20), nullable=True),
        sa.Column("body_text", sa.Text(), nullable=True),
        sa.Column("created_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_email_messages_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_email_messages")),
    )
    with op.batch_alter_table("email_messages", schema=None) as batch_op:
        for column in ("header_message_id", "from_address", "to_address", "created_at"):
            batch_op.create_index(batch_op.f(f"ix_email_messages_{column}"), [column])


def downgrade() -> None:
    with op.batch_alter_table("email_messages", schema=None) as batch_op:
        for column in ("header_message_id", "from_address", "to_address", "created_at"):
            batch_op.drop_index(batch_op.f(f"ix_email_messages_{column}"))
    op.drop_table("email_messages")
    op.drop_table("imap_cursors")
