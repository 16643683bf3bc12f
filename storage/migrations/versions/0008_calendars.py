"""Calendars: private feed keys, each sign-up's calendar revision, the feed signing secret.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteers.id"],
            name=op.f("fk_calendar_feeds_volunteer_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_calendar_feeds")),
    )
    op.create_table(
        "calendar_entries",
        sa.Column("signup_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["signup_id"], ["signups.id"], name=op.f("fk_calendar_entries_signup_id_signups")
        ),
        sa.PrimaryKeyConstraint("signup_id", name=op.f("pk_calendar_entries")),
    )
    op.create_table(
        "instance_secrets",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_instance_secrets")),
    )


def downgrade() -> None:
    op.drop_table("instance_secrets")
    op.drop_table("calendar_entries")
    op.drop_table("calendar_feeds")
