"""What people asked for, recorded before it is acknowledged, so a crash loses no command and a
redelivered event is recognised by every process.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("team_external_id", sa.Text(), nullable=False),
        sa.Column("user_external_id", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_inbox")),
    )
    op.create_index(op.f("ix_inbox_accepted_at"), "inbox", ["accepted_at"], unique=False)
    op.create_index(op.f("ix_inbox_lease_until"), "inbox", ["lease_until"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_inbox_lease_until"), table_name="inbox")
    op.drop_index(op.f("ix_inbox_accepted_at"), table_name="inbox")
    op.drop_table("inbox")
