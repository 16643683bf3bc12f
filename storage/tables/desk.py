"""The organizer's desk: single-use sign-in links and the sessions they open.

Only hashes of the secrets are kept (the link's token, the session's cookie), so a copy of the
database opens nothing. Both name their volunteer; forget-me deletes them.
"""

from sqlalchemy import Column, ForeignKey, Integer, Table, Text

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

desk_links = Table(
    "desk_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", Text, nullable=False, unique=True),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    # Set once, when the link is opened: a second opening finds it set and is refused.
    Column("used_at", UtcDateTime),
)

desk_sessions = Table(
    "desk_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_hash", Text, nullable=False, unique=True),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    # Every form carries it; a post without it (another site's) changes nothing.
    Column("csrf", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)
