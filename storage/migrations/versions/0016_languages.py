"""Everyone's own language: the one a volunteer chose (`/volunteer language`; NULL: auto), the
one their platform names, and the campaign's default for channel posts (NULL: English).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy): SQLite keeps the volunteers' expression index (0011).
    op.add_column("volunteers", sa.Column("language", sa.Text(), nullable=True))
    op.add_column("volunteers", sa.Column("platform_language", sa.Text(), nullable=True))
    op.add_column("campaigns", sa.Column("language", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("campaigns", "language")
    op.drop_column("volunteers", "platform_language")
    op.drop_column("volunteers", "language")
