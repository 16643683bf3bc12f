"""Linked teams: each team's name, and the one-time codes that link a team into a campaign.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("teams", sa.Column("name", sa.Text(), nullable=True))
    op.create_table(
        "link_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("presented_by", sa.Integer(), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_link_codes_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["presented_by"], ["teams.id"], name=op.f("fk_link_codes_presented_by_teams")
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_link_codes_team_id_teams")
        ),
        sa.ForeignKeyConstraint(
            ["used_by"], ["teams.id"], name=op.f("fk_link_codes_used_by_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_link_codes_code_hash")),
    )
    op.create_index(op.f("ix_link_codes_campaign_id"), "link_codes", ["campaign_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_link_codes_campaign_id"), table_name="link_codes")
    op.drop_table("link_codes")
    with op.batch_alter_table("teams") as batch:
        batch.drop_column("name")
