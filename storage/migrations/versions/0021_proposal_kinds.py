"""Kinds of proposal: a volunteer may offer to host any kind of shift; every proposal made
before kinds is a phone bank.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The server default fills every existing row in; new rows name their kind.
    op.add_column(
        "proposals", sa.Column("kind", sa.Text(), nullable=False, server_default="phonebank")
    )


def downgrade() -> None:
    with op.batch_alter_table("proposals") as batch:
        batch.drop_column("kind")
