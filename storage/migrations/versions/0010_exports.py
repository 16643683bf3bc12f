"""Exports: the log of who exported which data, and when.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("exporter_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("period", sa.Text(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_exports_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["exporter_id"], ["volunteers.id"], name=op.f("fk_exports_exporter_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exports")),
    )
    op.create_index(op.f("ix_exports_exporter_id"), "exports", ["exporter_id"])
    op.create_index(op.f("ix_exports_campaign_id_at"), "exports", ["campaign_id", "at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_exports_campaign_id_at"), table_name="exports")
    op.drop_index(op.f("ix_exports_exporter_id"), table_name="exports")
    op.drop_table("exports")
