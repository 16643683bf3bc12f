"""Volunteers and the platform identities they are reached through."""

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
)

from storage.columns import MinutesList, UtcDateTime
from storage.tables.meta import metadata, personal

volunteers = Table(
    "volunteers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("display_name", Text, info=personal("their name")),
    # display_name.casefold(): SQLite's lower() only folds ASCII, and names are often not.
    Column("name_key", Text, info=personal("their name, folded")),
    Column("timezone", Text, info=personal("where they are")),
    # NULL follows the campaign's default; '' means no reminders.
    Column("reminder_offsets", MinutesList, info=personal("their own settings")),
    # NULL until the volunteer answers the welcome questions; then comma-separated Interests.
    Column("interests", Text, info=personal("their welcome answers")),
    Column("availability", Text, info=personal("their welcome answers")),
    Column("location", Text, info=personal("their welcome answers")),
    Column("joined_at", UtcDateTime, nullable=False),
    Column("onboarded_at", UtcDateTime),
    Column("contacted_at", UtcDateTime),
    Column("contacted_by", Integer, ForeignKey("volunteers.id")),
    Column("follow_up_due_at", UtcDateTime, index=True),
    Column("forgotten_at", UtcDateTime),
    UniqueConstraint("campaign_id", "number"),
    Index(None, "campaign_id", "name_key"),
)

identities = Table(
    "identities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("team_external_id", Text, nullable=False),
    Column("user_external_id", Text, nullable=False, info=personal("their platform account")),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("last_seen_at", UtcDateTime, nullable=False),
    UniqueConstraint("platform", "team_external_id", "user_external_id"),
)

# Everyone's own time (migration 0007): the zone the volunteer's platform profile names (Slack's
# `tz`), used until they type `/volunteer tz`. A column of `volunteers`, added here in a block of
# its own; forget-me clears it with the typed zone.
volunteers.append_column(
    Column("platform_timezone", Text, info=personal("where their platform says they are"))
)

# Everyone's own language (migration 0017): the one they chose with `/volunteer language` (NULL:
# auto) and the one their platform last named; forget-me clears both.
volunteers.append_column(Column("language", Text, info=personal("the language they chose")))
volunteers.append_column(
    Column("platform_language", Text, info=personal("the language their platform names"))
)

# Stats count volunteers who joined in a period (and how fast they were reached) and those still
# waiting: covering indexes, so no volunteer row is read.
Index(
    "ix_volunteers_campaign_id_joined_at",
    volunteers.c.campaign_id,
    volunteers.c.joined_at,
    volunteers.c.contacted_at,
)
Index(
    "ix_volunteers_campaign_id_contacted_at",
    volunteers.c.campaign_id,
    volunteers.c.contacted_at,
    volunteers.c.forgotten_at,
    volunteers.c.joined_at,
)

# Stats speed (migration 0011): erased volunteers, counted per campaign for the most-active
# list, from a partial index that holds only them (`forgotten_at` in it too, so that SQLite's
# planner sees the range and prefers it to the wide covering indexes above).
Index(
    "ix_volunteers_campaign_id_forgotten",
    volunteers.c.campaign_id,
    volunteers.c.forgotten_at,
    sqlite_where=volunteers.c.forgotten_at.is_not(None),
    postgresql_where=volunteers.c.forgotten_at.is_not(None),
)

# Not declared here, on purpose: migration 0011 also gives SQLite
#   ix_volunteers_campaign_id_contact_wait ON volunteers (campaign_id,
#   (julianday(contacted_at) - julianday(joined_at)), joined_at, contacted_at)
#   WHERE contacted_at IS NOT NULL
# the wait for a first contact in order, so the median is read off it at an offset instead of
# sorting every newcomer's wait (storage/figures.py orders by exactly that expression).
# PostgreSQL uses percentile_cont and has no julianday(); declared here, Alembic's comparison
# would expect the index on PostgreSQL too (and it cannot reflect it on SQLite).
