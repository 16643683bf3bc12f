"""Campaigns, the teams (workspaces, servers) they live in, and their short numbers."""

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

from storage.columns import Minutes, MinutesList, UtcDateTime
from storage.tables.meta import metadata

campaigns = Table(
    "campaigns",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("timezone", Text, nullable=False),
    Column("reminder_offsets", MinutesList, nullable=False),
    Column("contact_within_minutes", Minutes, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    # The organizers' confirmation check, this long before each shift; NULL: off (issue 13).
    Column("confirm_check_minutes", Minutes, server_default="720"),
    # Channel posts' language and the default for people with none known; NULL: English.
    Column("language", Text),
)

# Short numbers people type (`/phonebank join 3`), one sequence per campaign and kind.
counters = Table(
    "counters",
    metadata,
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("value", Integer, nullable=False),
    PrimaryKeyConstraint("campaign_id", "name"),
)

teams = Table(
    "teams",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("external_id", Text, nullable=False),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False, index=True),
    UniqueConstraint("platform", "external_id"),
)

# Linked teams (migration 0020): the workspace's or server's name as the platform last gave
# it, shown next to each person on rosters, stats and exports of a campaign of several teams.
teams.append_column(Column("name", Text))

# One-time codes an organizer hands to another team's organizer so that team joins the
# campaign: only the code's SHA-256 is kept; a code is used once, within its expiry. The team
# that presented it (typed it, not yet confirmed) is kept so its Confirm button names only
# the row, never the code.
link_codes = Table(
    "link_codes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code_hash", Text, nullable=False, unique=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False, index=True),
    Column("team_id", Integer, ForeignKey("teams.id"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("presented_by", Integer, ForeignKey("teams.id")),
    Column("used_at", UtcDateTime),
    Column("used_by", Integer, ForeignKey("teams.id")),
)
