"""Everyone's own time: the zone a volunteer's platform profile names (Slack's `tz`), kept
apart from the one they typed with `/volunteer tz`, which always wins.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("volunteers") as batch:
        batch.add_column(sa.Column("platform_timezone", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("volunteers") as batch:
        batch.drop_column("platform_timezone")
