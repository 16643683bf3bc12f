"""Everyone's own language: the one a volunteer chose (`/volunteer language`; NULL: auto), the
one their platform names, and the campaign's default for channel posts (NULL: English).

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("volunteers") as batch:
        batch.add_column(sa.Column("language", sa.Text(), nullable=True))
        batch.add_column(sa.Column("platform_language", sa.Text(), nullable=True))
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("language", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("volunteers") as batch:
        batch.drop_column("platform_language")
        batch.drop_column("language")
