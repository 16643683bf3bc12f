"""After the sign-up: confirmations, check-ins, attendance marks and debriefs (issue 13).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("signup_id", sa.Integer(), nullable=False),
        sa.Column("reconfirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("report", sa.Text(), nullable=True),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mark", sa.Text(), nullable=True),
        sa.Column("marked_by", sa.Integer(), nullable=True),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("calls", sa.Integer(), nullable=True),
        sa.Column("conversations", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["signup_id"], ["signups.id"], name=op.f("fk_attendance_signup_id_signups")
        ),
        sa.ForeignKeyConstraint(
            ["marked_by"], ["volunteers.id"], name=op.f("fk_attendance_marked_by_volunteers")
        ),
        sa.PrimaryKeyConstraint("signup_id", name=op.f("pk_attendance")),
    )


def downgrade() -> None:
    op.drop_table("attendance")
