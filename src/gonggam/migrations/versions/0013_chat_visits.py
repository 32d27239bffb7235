"""chat visits: when a chat customer's widget was last connected

Revision ID: 0013
Revises: 0009
Create Date: 2026-11-26 05:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import gonggam.kit.types

revision: str = "0013"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_visits",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("last_seen_at", gonggam.kit.types.AwareDateTime(timezone=True), nullable=False),
        sa.Column("page_url", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_chat_visits_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_chat_visits")),
    )


def downgrade() -> None:
    op.drop_table("chat_visits")
