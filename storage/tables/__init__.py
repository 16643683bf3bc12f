"""The schema: every table Turnout keeps, as SQLAlchemy Core, one module per feature area.

Every domain row hangs off a campaign, never off a platform: teams are the only rows that know
Slack or Discord, so several teams can later share one campaign. Changing anything here needs a
new migration in storage/migrations/versions; a test compares the two.

Importing this package registers every table in `metadata`; each table is importable from here.
A column holding a person's data without a key to them is marked `personal` (meta.py); what
forget-me does to each table that points at a volunteer is in storage/erasure.py.
"""

from storage.tables.attendance import attendance, seat_offers, shift_nudges
from storage.tables.calendars import calendar_entries, calendar_feeds, instance_secrets
from storage.tables.campaigns import campaigns, counters, link_codes, teams
from storage.tables.desk import desk_links, desk_sessions
from storage.tables.inbox import inbox
from storage.tables.installations import installations, oauth_states
from storage.tables.meta import metadata
from storage.tables.organizers import named_organizers
from storage.tables.outbox import notices, posts
from storage.tables.people import identities, volunteers
from storage.tables.positions import positions, qualifications, shift_grants
from storage.tables.reports import digest_schedules, exports, stats_opt_outs
from storage.tables.requests import seen_requests
from storage.tables.shifts import (
    bookings,
    phone_banks,
    proposals,
    series,
    shifts,
    signups,
    standing_signups,
)
from storage.tables.tasks import task_claims, tasks

__all__ = [
    "attendance",
    "bookings",
    "calendar_entries",
    "calendar_feeds",
    "campaigns",
    "counters",
    "desk_links",
    "desk_sessions",
    "digest_schedules",
    "exports",
    "identities",
    "inbox",
    "installations",
    "instance_secrets",
    "link_codes",
    "metadata",
    "named_organizers",
    "notices",
    "oauth_states",
    "phone_banks",
    "positions",
    "posts",
    "proposals",
    "qualifications",
    "seat_offers",
    "seen_requests",
    "series",
    "shift_grants",
    "shift_nudges",
    "shifts",
    "signups",
    "standing_signups",
    "stats_opt_outs",
    "task_claims",
    "tasks",
    "teams",
    "volunteers",
]
