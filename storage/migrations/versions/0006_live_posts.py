"""Live posts: which platform message shows which shift (or the board), kept current by edits.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("team_external_id", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("posted_starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("edit_pending", sa.Boolean(), nullable=False),
        sa.Column("wake_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gone_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_posts_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"], name=op.f("fk_posts_shift_id_shifts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
        sa.UniqueConstraint(
            "platform", "channel", "message_id", name=op.f("uq_posts_platform_channel_message_id")
        ),
    )
    op.create_index(op.f("ix_posts_shift_id"), "posts", ["shift_id"], unique=False)
    op.create_index(
        op.f("ix_posts_campaign_id_shift_id"), "posts", ["campaign_id", "shift_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_posts_campaign_id_shift_id"), table_name="posts")
    op.drop_index(op.f("ix_posts_shift_id"), table_name="posts")
    op.drop_table("posts")
