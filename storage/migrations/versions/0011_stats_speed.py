"""Stats speed: a partial index on erased volunteers, so counting who may not be named among
the most active reads a handful of index entries instead of every volunteer's.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_volunteers_campaign_id_forgotten",
        "volunteers",
        ["campaign_id", "forgotten_at"],
        sqlite_where=sa.text("forgotten_at IS NOT NULL"),
        postgresql_where=sa.text("forgotten_at IS NOT NULL"),
    )
    if op.get_bind().dialect.name == "sqlite":
        # PostgreSQL picks its median with percentile_cont and needs no such index.
        op.execute(
            "CREATE INDEX ix_volunteers_campaign_id_contact_wait ON volunteers (campaign_id, "
            "(julianday(contacted_at) - julianday(joined_at)), joined_at, contacted_at) "
            "WHERE contacted_at IS NOT NULL"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_volunteers_campaign_id_contact_wait", table_name="volunteers")
    op.drop_index("ix_volunteers_campaign_id_forgotten", table_name="volunteers")
