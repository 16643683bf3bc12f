"""Signed requests already seen (a hash of each signature), kept for the replay window only."""

from sqlalchemy import Column, Table, Text

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

seen_requests = Table(
    "seen_requests",
    metadata,
    Column("key", Text, primary_key=True),
    Column("seen_at", UtcDateTime, nullable=False, index=True),
)
