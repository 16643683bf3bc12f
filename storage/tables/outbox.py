"""What Turnout sends (the notice outbox) and the live posts it keeps current."""

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from storage.columns import JsonText, UtcDateTime
from storage.tables.meta import metadata, personal

notices = Table(
    "notices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("campaign_id", Integer, ForeignKey("campaigns.id"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("volunteer_id", Integer, ForeignKey("volunteers.id"), index=True),
    Column("shift_id", Integer, ForeignKey("shifts.id"), index=True),
    Column("signup_id", Integer, ForeignKey("signups.id"), index=True),
    # Older announcements name their sender; organizer notices, whom they are about (by id).
    Column("payload", JsonText, nullable=False, info=personal("a sender's name")),
    Column("due_at", UtcDateTime, nullable=False),
    Column("state", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("lease_until", UtcDateTime),
    Column("last_error", Text, info=personal("a platform's error quoting their account")),
    # NoticeRepository.add is given no `now`; the database clock records when it was queued.
    Column("created_at", UtcDateTime, nullable=False, server_default=func.current_timestamp()),
    Column("sent_at", UtcDateTime),
    # The dispatcher reads only the head of these two: what is due next, whose lease ran out.
    Index(None, "state", "due_at"),
    Index(None, "state", "lease_until"),
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
