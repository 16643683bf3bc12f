"""Apps installed into teams through OAuth (Slack workspaces installed from /slack/install), and
the one-time states of installs under way. No campaign key: an installation outlives its
team's campaign data until the app is uninstalled or the team erased."""

from sqlalchemy import Column, PrimaryKeyConstraint, Table, Text

from storage.columns import UtcDateTime
from storage.tables.meta import metadata, personal

installations = Table(
    "installations",
    metadata,
    Column("platform", Text, nullable=False),
    Column("team_external_id", Text, nullable=False),
    Column("enterprise_id", Text, nullable=False),
    Column("team_name", Text, nullable=False),
    Column("installer", Text, info=personal("the account of whoever installed the app")),
    Column("app_id", Text, nullable=False),
    Column("bot_id", Text, nullable=False),
    Column("bot_user_id", Text, nullable=False),
    Column("bot_scopes", Text, nullable=False),
    Column("bot_token", Text, nullable=False),
    Column("bot_refresh_token", Text),
    Column("bot_token_expires_at", UtcDateTime),
    Column("installed_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("platform", "team_external_id"),
)

oauth_states = Table(
    "oauth_states",
    metadata,
    Column("state", Text, primary_key=True),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
)
