"""Tasks and the volunteers' claims on them."""

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
)

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

tasks = Table(
    "tasks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("due_on", Date),
    Column("slots", Integer, nullable=False),
    Column("created_by", Integer, ForeignKey("volunteers.id"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    # Set when an organizer cancels the task (`/task cancel`).
    Column("cancelled_at", UtcDateTime),
    UniqueConstraint("campaign_id", "number"),
)

task_claims = Table(
    "task_claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("task_id", Integer, ForeignKey("tasks.id"), nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("status", Text, nullable=False),
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index(None, "task_id", "status"),
    sqlite_autoincrement=True,
)

# Stats count tasks finished in a period: a covering index, so no claim row is read.
Index("ix_task_claims_status_updated_at", task_claims.c.status, task_claims.c.updated_at)
