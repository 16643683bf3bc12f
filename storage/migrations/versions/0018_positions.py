"""Positions inside a shift, qualifications, and the trainings that grant them.

Every existing shift has no positions and every sign-up none, so nothing changes for them.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("requires", sa.Text(), nullable=True),
        sa.Column("place", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_positions_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positions")),
        sa.UniqueConstraint("shift_id", "name", name=op.f("uq_positions_shift_id_name")),
    )
    op.create_index(op.f("ix_positions_shift_id"), "positions", ["shift_id"], unique=False)
    op.create_table(
        "qualifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_qualifications_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteers.id"],
            name=op.f("fk_qualifications_volunteer_id_volunteers"),
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["volunteers.id"], name=op.f("fk_qualifications_by_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qualifications")),
        sa.UniqueConstraint(
            "campaign_id",
            "volunteer_id",
            "name",
            name=op.f("uq_qualifications_campaign_id_volunteer_id_name"),
        ),
    )
    op.create_index(
        op.f("ix_qualifications_volunteer_id"), "qualifications", ["volunteer_id"], unique=False
    )
    op.create_index(op.f("ix_qualifications_by_id"), "qualifications", ["by_id"], unique=False)
    op.create_table(
        "shift_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_grants_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_grants")),
        sa.UniqueConstraint("shift_id", "name", name=op.f("uq_shift_grants_shift_id_name")),
    )
    op.create_index(op.f("ix_shift_grants_shift_id"), "shift_grants", ["shift_id"], unique=False)
    with op.batch_alter_table("shifts") as batch:
        batch.add_column(
            sa.Column("positioned", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("signups") as batch:
        batch.add_column(sa.Column("position_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_signups_position_id"), ["position_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_signups_position_id_positions"), "positions", ["position_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("signups") as batch:
        batch.drop_constraint(batch.f("fk_signups_position_id_positions"), type_="foreignkey")
        batch.drop_index(batch.f("ix_signups_position_id"))
        batch.drop_column("position_id")
    with op.batch_alter_table("shifts") as batch:
        batch.drop_column("positioned")
    op.drop_table("shift_grants")
    op.drop_table("qualifications")
    op.drop_table("positions")
