"""Organizer control: the bookings table (who added, removed or moved whom on a shift).

Revision ID: 0003
Revises: 0001 (re-chained after 0002 when the branches merge)
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_bookings_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_bookings_shift_id_shifts")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_bookings_volunteer_id_volunteers")
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["volunteers.id"], name=op.f("fk_bookings_by_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
    )
    op.create_index(op.f("ix_bookings_shift_id"), "bookings", ["shift_id"], unique=False)
    op.create_index(op.f("ix_bookings_volunteer_id"), "bookings", ["volunteer_id"], unique=False)
    op.create_index(op.f("ix_bookings_by_id"), "bookings", ["by_id"], unique=False)


def downgrade() -> None:
    op.drop_table("bookings")
