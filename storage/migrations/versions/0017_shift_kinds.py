"""Kinds of shift: each phone bank row says which kind of event it is; every shift made
before kinds is a phone bank, so nothing changes for anyone already signed up.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The server default fills every existing row in; new rows name their kind.
    for table in ("phone_banks", "series"):
        op.add_column(
            table, sa.Column("kind", sa.Text(), nullable=False, server_default="phonebank")
        )


def downgrade() -> None:
    for table in ("series", "phone_banks"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("kind")
