"""Organizer control: bookings (who added, removed or moved whom), weekly series, standing
sign-ups, and each shift's series.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
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
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("first_local", sa.Text(), nullable=False),
        sa.Column("timezone", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("length_minutes", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_through", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_before", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_series_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["volunteers.id"], name=op.f("fk_series_created_by_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    op.create_table(
        "standing_signups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_standing_signups_series_id_series")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteers.id"],
            name=op.f("fk_standing_signups_volunteer_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standing_signups")),
        sa.UniqueConstraint(
            "series_id", "volunteer_id", name=op.f("uq_standing_signups_series_id_volunteer_id")
        ),
    )
    op.create_index(
        op.f("ix_standing_signups_series_id"), "standing_signups", ["series_id"], unique=False
    )
    op.create_index(
        op.f("ix_standing_signups_volunteer_id"),
        "standing_signups",
        ["volunteer_id"],
        unique=False,
    )
    op.add_column("shifts", sa.Column("series_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_shifts_series_id"), "shifts", ["series_id"], unique=False)
    op.add_column("shifts", sa.Column("host_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_shifts_host_id"), "shifts", ["host_id"], unique=False)
    op.create_table(
        "proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("proposer_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_proposals_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["proposer_id"], ["volunteers.id"], name=op.f("fk_proposals_proposer_id_volunteers")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_proposals_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
    )
    op.create_index(op.f("ix_proposals_proposer_id"), "proposals", ["proposer_id"], unique=False)


def downgrade() -> None:
    op.drop_table("proposals")
    op.drop_index(op.f("ix_shifts_host_id"), table_name="shifts")
    op.drop_index(op.f("ix_shifts_series_id"), table_name="shifts")
    with op.batch_alter_table("shifts") as batch:
        batch.drop_column("host_id")
        batch.drop_column("series_id")
    op.drop_table("standing_signups")
    op.drop_table("series")
    op.drop_table("bookings")
