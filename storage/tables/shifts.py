"""Phone banks and their shifts, sign-ups, weekly series, proposals and bookings."""

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
)

from storage.columns import UtcDateTime
from storage.tables.meta import metadata

phone_banks = Table(
    "phone_banks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("title", Text, nullable=False),
    # Where it happens: a link or a street address, as its kind says.
    Column("link", Text),
    # Its kind (bot.domain.kinds): every shift made before kinds is a phone bank.
    Column("kind", Text, nullable=False, server_default="phonebank"),
    Column("created_by", Integer, ForeignKey("volunteers.id"), nullable=False),
    # The port's ShiftRepository.add is given no `now`, so the database clock fills this in.
    Column("created_at", UtcDateTime, nullable=False, server_default=func.current_timestamp()),
)

shifts = Table(
    "shifts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("phone_bank_id", Integer, ForeignKey("phone_banks.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("starts_at", UtcDateTime, nullable=False),
    Column("ends_at", UtcDateTime, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("status", Text, nullable=False),
    # A date of a weekly series (issue 14); without its series a date is a one-off shift.
    Column("series_id", Integer, ForeignKey("series.id", ondelete="SET NULL"), index=True),
    # Its host (issue 14), a volunteer; a removed volunteer hosts nothing.
    Column("host_id", Integer, ForeignKey("volunteers.id", ondelete="SET NULL"), index=True),
    # It has positions (storage/tables/positions.py): its seats are theirs, each with its own
    # waitlist. Read with the shift, so a shift without them costs no extra statement.
    Column("positioned", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("campaign_id", "number"),
    Index(None, "campaign_id", "starts_at"),
)

signups = Table(
    "signups",
    metadata,
    # Arrival order: the waitlist is served by id, so ids must never be reused.
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("status", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    # The position it is for, on a shift with positions.
    Column("position_id", Integer, ForeignKey("positions.id"), index=True),
    Index(None, "shift_id", "status"),
    sqlite_autoincrement=True,
)

# A weekly series: an RRULE over the first date's local wall-clock time in `timezone`, so DST
# never moves it; dates are created as shifts up to `created_through` (a rolling window).
series = Table(
    "series",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("rule", Text, nullable=False),
    Column("first_local", Text, nullable=False),
    Column("timezone", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("link", Text),
    Column("capacity", Integer, nullable=False),
    Column("length_minutes", Integer, nullable=False),
    Column("created_by", Integer, ForeignKey("volunteers.id"), nullable=False),
    Column("created_through", UtcDateTime, nullable=False),
    # Set by `cancel … following`: no date from then on is created.
    Column("ends_before", UtcDateTime),
    # Every date's kind, as its first shift's (bot.domain.kinds).
    Column("kind", Text, nullable=False, server_default="phonebank"),
)

# "Every week": the volunteer is signed up for each new date of the series. Forget-me deletes it.
standing_signups = Table(
    "standing_signups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("series_id", Integer, ForeignKey("series.id"), nullable=False, index=True),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("since", UtcDateTime, nullable=False),
    UniqueConstraint("series_id", "volunteer_id"),
)

# A phone bank a volunteer offers to host, until organizers approve (it becomes a shift) or
# decline it. Forget-me deletes the proposer's proposals, reasons and all.
proposals = Table(
    "proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("proposer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("link", Text),
    Column("starts_at", UtcDateTime, nullable=False),
    Column("ends_at", UtcDateTime, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("status", Text, nullable=False),
    Column("reason", Text),
    Column("shift_id", Integer, ForeignKey("shifts.id")),
    Column("created_at", UtcDateTime, nullable=False),
    # The kind of shift offered (bot.domain.kinds); proposals made before kinds are phone banks.
    Column("kind", Text, nullable=False, server_default="phonebank"),
)

# Organizer control (issue 14): who added, removed or moved whom, shown on the roster.
# Names a person twice (booked and booker): forget-me deletes every row naming them.
bookings = Table(
    "bookings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("shift_id", Integer, ForeignKey("shifts.id"), nullable=False, index=True),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("by_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("action", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
)
