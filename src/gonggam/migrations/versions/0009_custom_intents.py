"""custom intents

Revision ID: 0009
Revises: 0002
Create Date: 2026-11-26 05:00:37.868690
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import gonggam.kit.types

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "custom_intents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("label_ko", sa.String(length=60), nullable=False),
        sa.Column("label_en", sa.String(length=60), nullable=False),
        sa.Column("cues_ko", _JSON, nullable=False),
        sa.Column("cues_en", _JSON, nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=254), nullable=False),
        sa.Column("created_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_custom_intents_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_intents")),
        sa.UniqueConstraint("name", name=op.f("uq_custom_intents_name")),
    )


def downgrade() -> None:
    op.drop_table("custom_intents")
