"""coaching: reply coaching results, playbook overrides, admin cliché phrases

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26 04:25:12.253277
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import gonggam.kit.types

revision: str = "0003"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cliche_phrases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("created_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by"], ["users.id"], name=op.f("fk_cliche_phrases_added_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cliche_phrases")),
        sa.UniqueConstraint("phrase", name=op.f("uq_cliche_phrases_phrase")),
    )
    op.create_table(
        "playbook_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_type", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column(
            "steps",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_playbook_steps_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_playbook_steps")),
        sa.UniqueConstraint(
            "customer_type", "language", name=op.f("uq_playbook_steps_customer_type_language")
        ),
    )
    op.create_table(
        "reply_coachings",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column(
            "failed_rules",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("cliche_count", sa.Integer(), nullable=False),
        sa.Column("situation", sa.String(length=40), nullable=False),
        sa.Column("confirmed_low", sa.Boolean(), nullable=False),
        sa.Column("created_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["users.id"], name=op.f("fk_reply_coachings_agent_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_reply_coachings_conversation_id_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_reply_coachings_message_id_messages")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_reply_coachings_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_reply_coachings")),
    )
    with op.batch_alter_table("reply_coachings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reply_coachings_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_reply_coachings_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reply_coachings_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reply_coachings_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reply_coachings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reply_coachings_team_id"))
        batch_op.drop_index(batch_op.f("ix_reply_coachings_created_at"))
        batch_op.drop_index(batch_op.f("ix_reply_coachings_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_reply_coachings_agent_id"))

    op.drop_table("reply_coachings")
    op.drop_table("playbook_steps")
    op.drop_table("cliche_phrases")
