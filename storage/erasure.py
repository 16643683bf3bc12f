"""Forget-me's rules: what erasing a volunteer does to each table that points at them.

A column points at a volunteer when it is a foreign key to `volunteers.id`, or to `signups.id`
(each sign-up is one volunteer's), or when storage/tables/ marks it `personal` (a name, an
account or free text kept without a key to the person). Every table with such a column has one
entry in ERASE, saying for each of those columns what becomes of it; a test derives the tables
from the metadata and fails for one without a rule (tests/integration/test_erasure_rules.py).

Rules run referrers first (the reverse of the metadata's dependency order), so a rule may still
read the person's own row, which is cleared last: the announcements' scrub reads their name.
"""

import json
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    Column,
    ColumnElement,
    Table,
    Text,
    and_,
    delete,
    or_,
    select,
    tuple_,
    type_coerce,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.notice import NoticeKind
from storage.notices import about
from storage.tables import (
    attendance,
    bookings,
    calendar_entries,
    calendar_feeds,
    desk_links,
    desk_sessions,
    exports,
    identities,
    inbox,
    installations,
    metadata,
    named_organizers,
    notices,
    phone_banks,
    proposals,
    qualifications,
    seat_offers,
    series,
    shifts,
    signups,
    standing_signups,
    stats_opt_outs,
    task_claims,
    tasks,
    teams,
    volunteers,
)
from storage.tables.organizers import PERSON

# Rules act on several volunteers at once (erasing a team's people), one being the usual.
People = Sequence[int]
Scrubber = Callable[[AsyncConnection, People], Awaitable[None]]
# Volunteers erased per statement: few enough for SQLite's limits on an expression.
BATCH = 200


# Rules compare by identity (eq=False): a column's == builds SQL, not a truth value.
@dataclass(frozen=True, eq=False)
class Delete:
    """The rows go: every row where any of `by` names the person."""

    by: tuple[Column[int], ...]

    def __init__(self, *by: Column[int]) -> None:
        object.__setattr__(self, "by", by)

    async def apply(self, db: AsyncConnection, people: People, now: datetime | None) -> None:
        table = self.by[0].table
        await db.execute(delete(table).where(or_(*(names(c, people) for c in self.by))))


@dataclass(frozen=True, eq=False)
class Null:
    """The column is emptied wherever it names the person; the rows stay."""

    column: Column[int]

    async def apply(self, db: AsyncConnection, people: People, now: datetime | None) -> None:
        table = self.column.table
        await db.execute(
            update(table).where(names(self.column, people)).values({self.column.name: None})
        )


@dataclass(frozen=True, eq=False)
class Clear:
    """In the rows where `by` names the person, `columns` are emptied (and `stamp` set to the
    moment of the erasure); the rows, and `by`, stay."""

    by: Column[int]
    columns: tuple[Column[object], ...]
    stamp: Column[datetime] | None = None

    async def apply(self, db: AsyncConnection, people: People, now: datetime | None) -> None:
        values: dict[str, object] = {column.name: None for column in self.columns}
        if self.stamp is not None:
            if now is None:
                raise ValueError(f"erasing {self.by.table.name} needs the moment of the erasure")
            values[self.stamp.name] = now
        await db.execute(update(self.by.table).where(names(self.by, people)).values(values))


@dataclass(frozen=True, eq=False)
class Scrub:
    """What names the person inside `column` (a JSON payload, say) is rewritten by `how`."""

    column: Column[object]
    how: Scrubber

    async def apply(self, db: AsyncConnection, people: People, now: datetime | None) -> None:
        await self.how(db, people)


@dataclass(frozen=True, eq=False)
class Keep:
    """The column names the person by id alone, which says nothing once their own row is
    cleared; it stays for the anonymous counts, and so does their (cleared) row while any row
    keeps it (see storage/volunteers.py, remove_if_unreferenced)."""

    column: Column[int]
    why: str

    async def apply(self, db: AsyncConnection, people: People, now: datetime | None) -> None:
        return None


Rule = Delete | Null | Clear | Scrub | Keep


def names(column: Column[int], people: People) -> ColumnElement[bool]:
    """`column` names one of `people`: holds their id, or the id of a sign-up of theirs."""
    target = column if column is volunteers.c.id else _referred(column)
    if target is volunteers.c.id:
        return _one_of(column, people)
    if target is signups.c.id:
        return column.in_(select(signups.c.id).where(_one_of(signups.c.volunteer_id, people)))
    raise ValueError(f"{column} names no volunteer")


def _one_of(column: Column[int], people: People) -> ColumnElement[bool]:
    return column == people[0] if len(people) == 1 else column.in_(list(people))


def _referred(column: Column[int]) -> Column[int] | None:
    return next((key.column for key in column.foreign_keys), None)


async def _announcement_senders(db: AsyncConnection, people: People) -> None:
    """Announcements queued before senders were kept by id carry the name ("from")."""
    found_names = await db.execute(
        select(volunteers.c.display_name).where(_one_of(volunteers.c.id, people))
    )
    named = {name for name in found_names.scalars() if name}
    if not named:
        return
    found = await db.execute(
        select(notices.c.id, notices.c.payload).where(
            notices.c.kind == NoticeKind.ANNOUNCEMENT.value,
            or_(*(type_coerce(notices.c.payload, Text).contains(json.dumps(n)) for n in named)),
        )
    )
    for notice_id, payload in found.all():
        if payload.get("from") in named:
            kept = {k: v for k, v in payload.items() if k != "from"}
            await db.execute(update(notices).where(notices.c.id == notice_id).values(payload=kept))


async def _their_arrivals(db: AsyncConnection, people: People) -> None:
    """What they asked for and is still kept (up to a day) names their account: the rows go."""
    theirs = select(
        identities.c.platform, identities.c.team_external_id, identities.c.user_external_id
    ).where(_one_of(identities.c.volunteer_id, people))
    await db.execute(
        delete(inbox).where(
            tuple_(inbox.c.platform, inbox.c.team_external_id, inbox.c.user_external_id).in_(theirs)
        )
    )


async def _their_installs(db: AsyncConnection, people: People) -> None:
    """An app they installed stays installed; who installed it is forgotten."""
    theirs = select(
        identities.c.platform, identities.c.team_external_id, identities.c.user_external_id
    ).where(_one_of(identities.c.volunteer_id, people))
    await db.execute(
        update(installations)
        .where(
            tuple_(
                installations.c.platform,
                installations.c.team_external_id,
                installations.c.installer,
            ).in_(theirs)
        )
        .values(installer=None)
    )


async def _their_namings(db: AsyncConnection, people: People) -> None:
    """Where they were named an organizer, they no longer are: the rows go."""
    theirs = (
        select(teams.c.id, identities.c.user_external_id)
        .join(
            teams,
            and_(
                teams.c.platform == identities.c.platform,
                teams.c.external_id == identities.c.team_external_id,
            ),
        )
        .where(_one_of(identities.c.volunteer_id, people))
    )
    await db.execute(
        delete(named_organizers).where(
            named_organizers.c.kind == PERSON,
            tuple_(named_organizers.c.team_id, named_organizers.c.account).in_(theirs),
        )
    )


async def _gone_already(db: AsyncConnection, people: People) -> None:
    """Nothing to do: another rule of the same table deleted the rows holding this column."""


_COUNTED = "stays for the anonymous counts"

ERASE: Mapping[Table, tuple[Rule, ...]] = {
    volunteers: (
        Clear(
            volunteers.c.id,
            (
                volunteers.c.display_name,
                volunteers.c.name_key,
                volunteers.c.timezone,
                volunteers.c.platform_timezone,
                volunteers.c.language,
                volunteers.c.platform_language,
                volunteers.c.reminder_offsets,
                volunteers.c.interests,
                volunteers.c.availability,
                volunteers.c.location,
                # Nobody is asked to follow up on a person who is gone.
                volunteers.c.follow_up_due_at,
            ),
            stamp=volunteers.c.forgotten_at,
        ),
        Keep(volunteers.c.contacted_by, f"who reached a newcomer {_COUNTED}"),
    ),
    identities: (Delete(identities.c.volunteer_id),),
    inbox: (
        Scrub(inbox.c.user_external_id, _their_arrivals),
        # Gone with the rows the rule above deletes.
        Scrub(inbox.c.payload, _gone_already),
    ),
    installations: (Scrub(installations.c.installer, _their_installs),),
    named_organizers: (
        Scrub(named_organizers.c.account, _their_namings),
        # Gone with the rows the rule above deletes.
        Scrub(named_organizers.c.name, _gone_already),
    ),
    phone_banks: (Keep(phone_banks.c.created_by, "the phone bank stays for everyone on it"),),
    shifts: (Null(shifts.c.host_id),),
    # forget-me gave up their upcoming seats first, through the seat rules.
    signups: (Keep(signups.c.volunteer_id, f"their past sign-ups {_COUNTED}"),),
    tasks: (Keep(tasks.c.created_by, "the task stays for everyone on it"),),
    # forget-me released their open claims first.
    task_claims: (Keep(task_claims.c.volunteer_id, f"their finished claims {_COUNTED}"),),
    notices: (
        Scrub(notices.c.payload, _announcement_senders),
        # A platform's error from sending to them can quote their accounts; the notices stay,
        # for the counts (forget-me cancelled the pending ones first).
        Clear(notices.c.volunteer_id, (notices.c.last_error,)),
        Keep(notices.c.signup_id, f"what a sent notice was about {_COUNTED}"),
    ),
    # Debrief notes are free text in their own words; the numbers stay, anonymous.
    attendance: (
        Clear(attendance.c.signup_id, (attendance.c.notes,)),
        Keep(attendance.c.marked_by, f"who marked attendance {_COUNTED}"),
    ),
    # Booking records name the person (as booked or as booker): they go entirely.
    bookings: (Delete(bookings.c.volunteer_id, bookings.c.by_id),),
    # Their qualifications go; one they granted someone else stays, granted by nobody named.
    qualifications: (Delete(qualifications.c.volunteer_id), Null(qualifications.c.by_id)),
    series: (Keep(series.c.created_by, "the series stays for everyone on its dates"),),
    standing_signups: (Delete(standing_signups.c.volunteer_id),),
    proposals: (Delete(proposals.c.proposer_id),),
    # The desk's links and sessions are theirs alone: a forgotten person is signed out.
    desk_links: (Delete(desk_links.c.volunteer_id),),
    desk_sessions: (Delete(desk_sessions.c.volunteer_id),),
    seat_offers: (Delete(seat_offers.c.signup_id),),
    # Their calendar feed stops answering, and its revisions go with it.
    calendar_feeds: (Delete(calendar_feeds.c.volunteer_id),),
    calendar_entries: (Delete(calendar_entries.c.signup_id),),
    stats_opt_outs: (Delete(stats_opt_outs.c.volunteer_id),),
    # The log keeps what was exported and when, no longer by whom.
    exports: (Null(exports.c.exporter_id),),
}


async def erase_everywhere(db: AsyncConnection, person: int, now: datetime) -> None:
    """Apply every table's rule to the volunteer `person`, their own row last."""
    await _apply(db, [person], now, ERASE.keys())


async def erase_all(db: AsyncConnection, people: People, now: datetime) -> None:
    """erase_everywhere for each of `people`, a batch of them per statement."""
    for start in range(0, len(people), BATCH):
        await _apply(db, people[start : start + BATCH], now, ERASE.keys())


async def erase_from(db: AsyncConnection, person: int, *tables: Table) -> None:
    """Apply the rules of `tables` alone (a repository erasing what it keeps)."""
    await _apply(db, [person], None, tables)


async def _apply(
    db: AsyncConnection, people: People, now: datetime | None, tables: Iterable[Table]
) -> None:
    wanted = set(tables)
    for table in reversed(metadata.sorted_tables):
        if table in wanted:
            for rule in ERASE[table]:
                await rule.apply(db, people, now)


async def remove_unreferenced(db: AsyncConnection, people: People) -> int:
    """Delete the rows of those of `people` nothing counts any more (no Keep rule holds their
    id), with the notices to or about them and their accounts; returns how many stay."""
    kept = 0
    for start in range(0, len(people), BATCH):
        batch = list(people[start : start + BATCH])
        held: set[int] = set()
        for column in kept_references():
            found = await db.execute(select(column).distinct().where(column.in_(batch)))
            held.update(found.scalars())
        gone = [person for person in batch if person not in held]
        kept += len(batch) - len(gone)
        if not gone:
            continue
        await db.execute(
            delete(notices).where(or_(notices.c.volunteer_id.in_(gone), *(about(p) for p in gone)))
        )
        await db.execute(delete(identities).where(identities.c.volunteer_id.in_(gone)))
        await db.execute(delete(volunteers).where(volunteers.c.id.in_(gone)))
    return kept


def kept_references() -> list[Column[int]]:
    """The columns that still hold a forgotten volunteer's id (Keep rules on keys to them)."""
    return [
        rule.column
        for rules in ERASE.values()
        for rule in rules
        if isinstance(rule, Keep) and _referred(rule.column) is volunteers.c.id
    ]
