"""Numbers for organizers (issue 16): who is not listed, the weekly digest, exports."""

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
)

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

# Numbers for organizers (issue 16). A volunteer who asked not to be named among the most
# active has a row here; forget-me deletes it (an erased volunteer is never named anyway).
stats_opt_outs = Table(
    "stats_opt_outs",
    metadata,
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), primary_key=True),
)

# The weekly digest: when (weekday NULL = off; no row = Mondays 09:00) and the due time of
# the digest notice queued for it, which also guards against queuing one week twice.
digest_schedules = Table(
    "digest_schedules",
    metadata,
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), primary_key=True),
    Column("weekday", Integer),
    Column("at_minute", Integer, nullable=False),
    Column("queued_for", UtcDateTime),
)

# Exports (issue 16): who took which data out, and when. Forget-me clears `exporter_id` (the
# only thing here about a person) and keeps the row: that the data left stays on record.
exports = Table(
    "exports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("exporter_id", Integer, ForeignKey("volunteers.id"), index=True),
    Column("kind", Text, nullable=False),
    Column("period", Text, nullable=False),
    Column("rows", Integer, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Index(None, "campaign_id", "at"),
)
