"""After the sign-up (issue 13): attendance, seat offers and the confirmation check."""

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    Table,
    Text,
)

from storage.columns import UtcDateTime
from storage.tables.meta import metadata, personal

# After the sign-up (issue 13): one row per sign-up once something happens to it. `notes` is
# the only personal text here; forget-me clears it and keeps the counts.
attendance = Table(
    "attendance",
    metadata,
    Column("signup_id", Integer, ForeignKey("signups.id"), primary_key=True),
    Column("reconfirmed_at", UtcDateTime),
    Column("checked_in_at", UtcDateTime),
    Column("report", Text),
    Column("reported_at", UtcDateTime),
    Column("mark", Text),
    Column("marked_by", Integer, ForeignKey("volunteers.id")),
    Column("marked_at", UtcDateTime),
    Column("calls", Integer),
    Column("conversations", Integer),
    Column("notes", Text, info=personal("their own words")),
)

# Seat offers near the start (issue 13): the seat kept for the first on the waitlist until
# `expires_at`. Names nobody but through the sign-up; forget-me deletes its person's rows.
seat_offers = Table(
    "seat_offers",
    metadata,
    Column("signup_id", Integer, ForeignKey("signups.id"), primary_key=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), nullable=False, index=True),
    Column("offered_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    # NULL while open; then taken, passed or lapsed.
    Column("answer", Text),
    Column("answered_at", UtcDateTime),
)

# The confirmation check's Nudge them, pressed once per shift (issue 13).
shift_nudges = Table(
    "shift_nudges",
    metadata,
    Column("shift_id", Integer, ForeignKey("shifts.id"), primary_key=True),
    Column("nudged_at", UtcDateTime, nullable=False),
)
