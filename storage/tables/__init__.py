"""The schema: every table Turnout keeps, as SQLAlchemy Core.

Every domain row hangs off a campaign, never off a platform: teams are the only rows that know
Slack or Discord, so several teams can later share one campaign. Changing anything here needs a
new migration in storage/migrations/versions; a test compares the two.
"""

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from storage.columns import JsonText, Minutes, MinutesList, UtcDateTime

# Deterministic constraint names let migrations (and SQLite's batch mode, which rebuilds
# tables) refer to constraints by name.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

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

volunteers = Table(
    "volunteers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("display_name", Text),
    # display_name.casefold(): SQLite's lower() only folds ASCII, and names are often not.
    Column("name_key", Text),
    Column("timezone", Text),
    # NULL follows the campaign's default; '' means no reminders.
    Column("reminder_offsets", MinutesList),
    # NULL until the volunteer answers the welcome questions; then comma-separated Interests.
    Column("interests", Text),
    Column("availability", Text),
    Column("location", Text),
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
    Column("user_external_id", Text, nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("last_seen_at", UtcDateTime, nullable=False),
    UniqueConstraint("platform", "team_external_id", "user_external_id"),
)

phone_banks = Table(
    "phone_banks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("link", Text),
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
    Index(None, "shift_id", "status"),
    sqlite_autoincrement=True,
)

tasks = Table(
    "tasks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("due_on", Date),
    Column("slots", Integer, nullable=False),
    Column("created_by", Integer, ForeignKey("volunteers.id"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("campaign_id", "number"),
)

task_claims = Table(
    "task_claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("task_id", Integer, ForeignKey("tasks.id"), nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), nullable=False, index=True),
    Column("status", Text, nullable=False),
    Column("claimed_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index(None, "task_id", "status"),
    sqlite_autoincrement=True,
)

notices = Table(
    "notices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), index=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), index=True),
    Column("signup_id", Integer, ForeignKey("signups.id"), index=True),
    Column("payload", JsonText, nullable=False),
    Column("due_at", UtcDateTime, nullable=False),
    Column("state", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("lease_until", UtcDateTime),
    Column("last_error", Text),
    # NoticeRepository.add is given no `now`; the database clock records when it was queued.
    Column("created_at", UtcDateTime, nullable=False, server_default=func.current_timestamp()),
    Column("sent_at", UtcDateTime),
    # The dispatcher reads only the head of these two: what is due next, whose lease ran out.
    Index(None, "state", "due_at"),
    Index(None, "state", "lease_until"),
)

# After the sign-up (issue 13): one row per sign-up once something happens to it. `notes` is
# the only personal text here; forget-me clears it and keeps the counts.
attendance = Table(
    "attendance",
    metadata,
    Column("signup_id", Integer, ForeignKey("signups.id"), primary_key=True),
    Column("reconfirmed_at", UtcDateTime),
    Column("checked_in_at", UtcDateTime),
    Column("report", Text),
    Column("reported_at", UtcDateTime),
    Column("mark", Text),
    Column("marked_by", Integer, ForeignKey("volunteers.id")),
    Column("marked_at", UtcDateTime),
    Column("calls", Integer),
    Column("conversations", Integer),
    Column("notes", Text),
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
)

# Live posts (issue 15): which platform message shows which shift (shift_id NULL: the board of
# upcoming shifts), so edits keep reaching it after a restart. `edit_pending` coalesces edits:
# one owed edit per post at a time. A post whose message or channel is gone is kept, with why
# (gone_at, gone_reason), and never edited again. No personal data: ids of messages only.
posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("platform", Text, nullable=False),
    Column("team_external_id", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("message_id", Text, nullable=False),
    Column("shift_id", Integer, ForeignKey("shifts.id"), index=True),
    Column("posted_starts_at", UtcDateTime),
    Column("shown", Text, nullable=False),
    Column("edit_pending", Boolean, nullable=False),
    Column("wake_at", UtcDateTime),
    Column("created_at", UtcDateTime, nullable=False),
    Column("gone_at", UtcDateTime),
    Column("gone_reason", Text),
    UniqueConstraint("platform", "channel", "message_id"),
    Index(None, "campaign_id", "shift_id"),
)

# Seat offers near the start (issue 13): the seat kept for the first on the waitlist until
# `expires_at`. Names nobody but through the sign-up; forget-me deletes its person's rows.
seat_offers = Table(
    "seat_offers",
    metadata,
    Column("signup_id", Integer, ForeignKey("signups.id"), primary_key=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), nullable=False, index=True),
    Column("offered_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
    # NULL while open; then taken, passed or lapsed.
    Column("answer", Text),
    Column("answered_at", UtcDateTime),
)

# The confirmation check's Nudge them, pressed once per shift (issue 13).
shift_nudges = Table(
    "shift_nudges",
    metadata,
    Column("shift_id", Integer, ForeignKey("shifts.id"), primary_key=True),
    Column("nudged_at", UtcDateTime, nullable=False),
)

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

# Stats count volunteers who joined in a period (and how fast they were reached), those still
# waiting, and tasks finished in a period: covering indexes, so no volunteer row is read.
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
Index("ix_task_claims_status_updated_at", task_claims.c.status, task_claims.c.updated_at)

# Everyone's own time (migration 0007): the zone the volunteer's platform profile names (Slack's
# `tz`), used until they type `/volunteer tz`. A column of `volunteers`, added here in a block of
# its own; forget-me clears it with the typed zone.
volunteers.append_column(Column("platform_timezone", Text))

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
# sorting every newcomer's wait (storage/stats.py orders by exactly that expression).
# PostgreSQL uses percentile_cont and has no julianday(); declared here, Alembic's comparison
# would expect the index on PostgreSQL too (and it cannot reflect it on SQLite).
