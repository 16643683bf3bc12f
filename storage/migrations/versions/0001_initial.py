"""The initial schema: campaigns, teams, volunteers, phone banks, shifts, sign-ups, tasks, notices.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Types are spelled out here (DateTime with time zone, Text, Integer) rather than imported from
storage.columns, so this revision keeps meaning the same thing when the code moves on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("timezone", sa.Text(), nullable=False),
        sa.Column("reminder_offsets", sa.Text(), nullable=False),
        sa.Column("contact_within_minutes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_table(
        "counters",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_counters_campaign_id_campaigns")
        ),
        sa.PrimaryKeyConstraint("campaign_id", "name", name=op.f("pk_counters")),
    )
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_teams_campaign_id_campaigns")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
        sa.UniqueConstraint("platform", "external_id", name=op.f("uq_teams_platform_external_id")),
    )
    op.create_index(op.f("ix_teams_campaign_id"), "teams", ["campaign_id"], unique=False)

    op.create_table(
        "volunteers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=True),
        sa.Column("name_key", sa.Text(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("reminder_offsets", sa.Text(), nullable=True),
        sa.Column("interests", sa.Text(), nullable=True),
        sa.Column("availability", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("onboarded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contacted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("contacted_by", sa.Integer(), nullable=True),
        sa.Column("follow_up_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("forgotten_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_volunteers_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["contacted_by"], ["volunteers.id"], name=op.f("fk_volunteers_contacted_by_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteers")),
        sa.UniqueConstraint("campaign_id", "number", name=op.f("uq_volunteers_campaign_id_number")),
    )
    op.create_index(
        op.f("ix_volunteers_campaign_id_name_key"),
        "volunteers",
        ["campaign_id", "name_key"],
        unique=False,
    )
    op.create_index(
        op.f("ix_volunteers_follow_up_due_at"), "volunteers", ["follow_up_due_at"], unique=False
    )

    op.create_table(
        "identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.Text(), nullable=False),
        sa.Column("team_external_id", sa.Text(), nullable=False),
        sa.Column("user_external_id", sa.Text(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_identities_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identities")),
        sa.UniqueConstraint(
            "platform",
            "team_external_id",
            "user_external_id",
            name=op.f("uq_identities_platform_team_external_id_user_external_id"),
        ),
    )
    op.create_index(
        op.f("ix_identities_volunteer_id"), "identities", ["volunteer_id"], unique=False
    )

    op.create_table(
        "phone_banks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_phone_banks_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["volunteers.id"], name=op.f("fk_phone_banks_created_by_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_banks")),
    )
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("slots", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_tasks_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["volunteers.id"], name=op.f("fk_tasks_created_by_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
        sa.UniqueConstraint("campaign_id", "number", name=op.f("uq_tasks_campaign_id_number")),
    )
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("phone_bank_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_shifts_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["phone_bank_id"], ["phone_banks.id"], name=op.f("fk_shifts_phone_bank_id_phone_banks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
        sa.UniqueConstraint("campaign_id", "number", name=op.f("uq_shifts_campaign_id_number")),
    )
    op.create_index(
        op.f("ix_shifts_campaign_id_starts_at"),
        "shifts",
        ["campaign_id", "starts_at"],
        unique=False,
    )

    op.create_table(
        "task_claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_task_claims_task_id_tasks")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_task_claims_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_claims")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_task_claims_task_id_status"), "task_claims", ["task_id", "status"], unique=False
    )
    op.create_index(
        op.f("ix_task_claims_volunteer_id"), "task_claims", ["volunteer_id"], unique=False
    )

    op.create_table(
        "signups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_signups_shift_id_shifts")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_signups_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signups")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_signups_shift_id_status"), "signups", ["shift_id", "status"], unique=False
    )
    op.create_index(op.f("ix_signups_volunteer_id"), "signups", ["volunteer_id"], unique=False)

    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("shift_id", sa.Integer(), nullable=True),
        sa.Column("signup_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_notices_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_notices_shift_id_shifts")
        ),
        sa.ForeignKeyConstraint(
            ["signup_id"], ["signups.id"], name=op.f("fk_notices_signup_id_signups")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_notices_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index(op.f("ix_notices_shift_id"), "notices", ["shift_id"], unique=False)
    op.create_index(op.f("ix_notices_signup_id"), "notices", ["signup_id"], unique=False)
    op.create_index(op.f("ix_notices_state_due_at"), "notices", ["state", "due_at"], unique=False)
    op.create_index(
        op.f("ix_notices_state_lease_until"), "notices", ["state", "lease_until"], unique=False
    )
    op.create_index(op.f("ix_notices_volunteer_id"), "notices", ["volunteer_id"], unique=False)


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_table("signups")
    op.drop_table("task_claims")
    op.drop_table("shifts")
    op.drop_table("tasks")
    op.drop_table("phone_banks")
    op.drop_table("identities")
    op.drop_table("volunteers")
    op.drop_table("teams")
    op.drop_table("counters")
    op.drop_table("campaigns")
