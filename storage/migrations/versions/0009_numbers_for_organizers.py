"""Numbers for organizers: opt-outs from the most-active list, the weekly digest's schedule,
and indexes the stats' aggregate queries use.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stats_opt_outs",
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteers.id"],
            name=op.f("fk_stats_opt_outs_volunteer_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_stats_opt_outs")),
    )
    op.create_table(
        "digest_schedules",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("at_minute", sa.Integer(), nullable=False),
        sa.Column("queued_for", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_digest_schedules_campaign_id_campaigns"),
        ),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_digest_schedules")),
    )
    op.create_index(
        "ix_volunteers_campaign_id_joined_at",
        "volunteers",
        ["campaign_id", "joined_at", "contacted_at"],
    )
    op.create_index(
        "ix_volunteers_campaign_id_contacted_at",
        "volunteers",
        ["campaign_id", "contacted_at", "forgotten_at", "joined_at"],
    )
    op.create_index("ix_task_claims_status_updated_at", "task_claims", ["status", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_task_claims_status_updated_at", table_name="task_claims")
    op.drop_index("ix_volunteers_campaign_id_contacted_at", table_name="volunteers")
    op.drop_index("ix_volunteers_campaign_id_joined_at", table_name="volunteers")
    op.drop_table("digest_schedules")
    op.drop_table("stats_opt_outs")
