"""Calendars (issue 15): private feeds, what each entry last said, the signing key."""

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    Table,
    Text,
)

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

# Calendars (issue 15). A volunteer's private feed: the token in its URL is signed and names
# this row's `key`, so a reset (a new key) or forget-me (no row) turns every old URL away.
calendar_feeds = Table(
    "calendar_feeds",
    metadata,
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), primary_key=True),
    Column("key", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

# What each sign-up's calendar entry last said (a digest of its times, title, link and state)
# and its SEQUENCE: a change to any of them is a new revision calendars must take over theirs.
calendar_entries = Table(
    "calendar_entries",
    metadata,
    Column("signup_id", Integer, ForeignKey("signups.id"), primary_key=True),
    Column("fingerprint", Text, nullable=False),
    Column("sequence", Integer, nullable=False),
)

# The key feed URLs are signed with when TURNOUT_SECRET is not set: made once, at random.
instance_secrets = Table(
    "instance_secrets",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
)
