"""What people asked for, kept from before the acknowledgement until it is done, then an hour
more by key alone so a redelivery is recognised (see bot/ports/inbox.py)."""

from sqlalchemy import Column, Table, Text

from storage.columns import UtcDateTime
from storage.tables.meta import metadata, personal
from storage.tables.people import identities

inbox = Table(
    "inbox",
    metadata,
    # The platform's id for the delivery: an event id, an interaction id, a trigger id.
    Column("key", Text, primary_key=True),
    Column("platform", Text, nullable=False),
    Column("team_external_id", Text, nullable=False),
    Column("user_external_id", Text, nullable=False, info=personal("their platform account")),
    # What to run and where to answer; emptied once done.
    Column("payload", Text, info=personal("what they typed")),
    Column("accepted_at", UtcDateTime, nullable=False, index=True),
    # Until when the process that accepted it is taken to be working on it.
    Column("lease_until", UtcDateTime, nullable=False, index=True),
    Column("done_at", UtcDateTime),
)
# Forget-me finds a person's arrivals through their identities, so it erases these first.
inbox.add_is_dependent_on(identities)
