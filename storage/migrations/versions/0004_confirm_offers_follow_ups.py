"""After the sign-up, continued: the confirmation check setting, its Nudge them, and seat
offers near the start (issue 13).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "campaigns",
        sa.Column("confirm_check_minutes", sa.Integer(), server_default="720", nullable=True),
    )
    op.create_table(
        "seat_offers",
        sa.Column("signup_id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["signup_id"], ["signups.id"], name=op.f("fk_seat_offers_signup_id_signups")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_seat_offers_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("signup_id", name=op.f("pk_seat_offers")),
    )
    op.create_index(op.f("ix_seat_offers_shift_id"), "seat_offers", ["shift_id"], unique=False)
    op.create_index(
        op.f("ix_seat_offers_expires_at"), "seat_offers", ["expires_at"], unique=False
    )
    op.create_table(
        "shift_nudges",
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("nudged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_nudges_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("shift_id", name=op.f("pk_shift_nudges")),
    )


def downgrade() -> None:
    op.drop_table("shift_nudges")
    op.drop_table("seat_offers")
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("confirm_check_minutes")
