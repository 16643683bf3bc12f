"""Positions inside a shift, the qualifications volunteers hold, and the trainings granting them."""

from sqlalchemy import Column, ForeignKey, Integer, Table, Text, UniqueConstraint

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

# A shift's positions (lead:1 driver:2): each its own seats and waitlist. The requirement (a
# qualification a seat in it needs) is a column: a position needs at most one.
positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("seats", Integer, nullable=False),
    Column("requires", Text),
    # The order they were given in, as join buttons and rosters show them.
    Column("place", Integer, nullable=False),
    UniqueConstraint("shift_id", "name"),
)

# An organizer's word on who holds which qualification (granted, or revoked when `revoked_at`
# is set); it wins over a training attended. Forget-me deletes the holder's rows (and empties
# `by_id`).
qualifications = Table(
    "qualifications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("by_id", Integer, ForeignKey("volunteers.id"), index=True),
    Column("granted_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime),
    UniqueConstraint("campaign_id", "volunteer_id", "name"),
)

# A training: those who attend the shift get the qualification.
shift_grants = Table(
    "shift_grants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    UniqueConstraint("shift_id", "name"),
)
