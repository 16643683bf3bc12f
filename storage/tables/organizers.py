"""Organizers named per team (`/turnout organizers`): people by their account in the team,
and one user group or role. Keyed by team, not campaign: organizers act for their own team
even in a linked campaign; the rows go with their team."""

from sqlalchemy import Column, ForeignKey, Integer, Table, Text, UniqueConstraint

from storage.columns import UtcDateTime
from storage.tables.meta import metadata, personal

# `kind` of a row: a person, or the team's one group.
PERSON = "person"
GROUP = "group"

named_organizers = Table(
    "named_organizers",
    metadata,
    # What a Remove button names.
    Column("id", Integer, primary_key=True),
    Column("team_id", Integer, ForeignKey("teams.id", ondelete="CASCADE"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("account", Text, nullable=False, info=personal("the named person's account")),
    Column("name", Text, nullable=False, info=personal("the named person's name")),
    Column("named_at", UtcDateTime, nullable=False),
    UniqueConstraint("team_id", "kind", "account"),
)
