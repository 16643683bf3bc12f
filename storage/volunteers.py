"""Volunteers and the platform identities they are reached through."""

import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Counter, Identity
from bot.domain.volunteer import Volunteer
from bot.ports.people import VolunteerRepository
from storage import erasure, rows
from storage.campaigns import next_number
from storage.tables import (
    counters,
    identities,
    volunteers,
)

# Numbers past this are not volunteer numbers (and would overflow a PostgreSQL integer).
_MAX_NUMBER_DIGITS = 9

# Built once: building a statement and its cache key costs more than running it on SQLite.
_BY_IDENTITY = (
    select(volunteers)
    .join(identities, identities.c.volunteer_id == volunteers.c.id)
    .where(
        identities.c.platform == bindparam("platform"),
        identities.c.team_external_id == bindparam("team_external_id"),
        identities.c.user_external_id == bindparam("user_external_id"),
    )
)
_ADD = insert(volunteers).returning(volunteers.c.id)
# PostgreSQL: a newcomer's placeholder number until commit, unique among the transactions in
# flight (no two live sessions share a backend pid) and within one (a slot per newcomer).
_SLOTS = 64
_PLACEHOLDER = -(func.pg_backend_pid() * _SLOTS + bindparam("slot"))
_ADD_UNNUMBERED = (
    insert(volunteers).values(number=_PLACEHOLDER).returning(volunteers.c.id, volunteers.c.number)
)
_counter = (
    postgresql.insert(counters)
    # Not "campaign_id": in an UPDATE of volunteers that name is the column's own.
    .values(campaign_id=bindparam("counted_campaign_id"), name="volunteer", value=1)
    .on_conflict_do_update(
        index_elements=[counters.c.campaign_id, counters.c.name],
        set_={"value": counters.c.value + 1},
    )
    .returning(counters.c.value)
    .cte("counter")
)
# Bumps the counter and numbers the newcomer in one statement, just before COMMIT.
_NUMBER = (
    update(volunteers)
    .where(volunteers.c.id == bindparam("volunteer_id"))
    .values(number=select(_counter.c.value).scalar_subquery())
)
_ADD_IDENTITY = insert(identities)
_GET = select(volunteers).where(volunteers.c.id == bindparam("volunteer_id"))
# "ids" expands to however many load_many is given.
_MANY = select(volunteers).where(volunteers.c.id.in_(bindparam("ids", expanding=True)))
_IDENTITIES_OF_MANY = (
    select(identities)
    .where(identities.c.volunteer_id.in_(bindparam("ids", expanding=True)))
    .order_by(identities.c.last_seen_at.desc(), identities.c.id.desc())
)
_SAVE = update(volunteers).where(volunteers.c.id == bindparam("volunteer_id"))


class SqlVolunteerRepository(VolunteerRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        # Someone was erased in this unit of work (see forget).
        self.erased = False
        # (volunteer id, campaign id) of newcomers still to be numbered at commit.
        self._unnumbered: list[tuple[int, int]] = []
        # Read by load_many (for a batch of notices); a write here forgets them.
        self._read: dict[int, Volunteer] = {}
        self._reach: dict[int, list[Identity]] = {}

    def _forget_read(self, volunteer_id: int) -> None:
        self._read.pop(volunteer_id, None)
        self._reach.pop(volunteer_id, None)

    async def by_identity(self, identity: Identity) -> Volunteer | None:
        """The volunteer a platform account belongs to, if any."""
        result = await self._db.execute(
            _BY_IDENTITY,
            {
                "platform": identity.platform,
                "team_external_id": identity.team_external_id,
                "user_external_id": identity.user_external_id,
            },
        )
        row = result.mappings().first()
        return rows.volunteer(row) if row else None

    async def add(
        self, campaign_id: int, number: int, identity: Identity, display_name: str, now: datetime
    ) -> Volunteer:
        """A new volunteer reachable through `identity`; follow_up_due_at is left unset."""
        return await self._add(_new(0, campaign_id, number, display_name, now), identity)

    async def _add(self, volunteer: Volunteer, identity: Identity) -> Volunteer:
        """`volunteer`'s row (its id aside) and its identity; the volunteer with its id."""
        added = await self._db.execute(_ADD, _new_row(volunteer))
        volunteer = replace(volunteer, id=added.scalar_one())
        await self._add_identity(volunteer.id, identity, volunteer.joined_at)
        return volunteer

    async def _add_identity(self, volunteer_id: int, identity: Identity, now: datetime) -> None:
        await self._db.execute(
            _ADD_IDENTITY,
            {
                "platform": identity.platform,
                "team_external_id": identity.team_external_id,
                "user_external_id": identity.user_external_id,
                "volunteer_id": volunteer_id,
                "last_seen_at": now,
            },
        )

    async def add_newcomer(
        self,
        campaign_id: int,
        identity: Identity,
        display_name: str,
        now: datetime,
        *,
        follow_up_due_at: datetime | None = None,
        platform_timezone: str | None = None,
        platform_language: str | None = None,
    ) -> Volunteer:
        """As `add`, with the campaign's next volunteer number; the follow-up due time and
        profile zone and language go in the same INSERT (no UPDATE right after it).

        On SQLite the writer holds the whole file anyway, so the number is taken at once. On
        PostgreSQL the campaign's counter row is what concurrent newcomers queue on, from the
        statement that bumps it until COMMIT: it is bumped last, by number_newcomers() as the
        unit of work commits, and the row carries a unique negative placeholder until then.
        """
        newcomer = replace(
            _new(0, campaign_id, 0, display_name, now),
            follow_up_due_at=follow_up_due_at,
            platform_timezone=platform_timezone,
            platform_language=platform_language,
        )
        if self._db.dialect.name != "postgresql":
            number = await next_number(self._db, campaign_id, Counter.VOLUNTEER)
            return await self._add(replace(newcomer, number=number), identity)
        if len(self._unnumbered) >= _SLOTS:
            raise RuntimeError(f"more than {_SLOTS} newcomers in one unit of work")
        row = _new_row(newcomer)
        del row["number"]
        added = await self._db.execute(_ADD_UNNUMBERED, {"slot": len(self._unnumbered), **row})
        volunteer_id, placeholder = added.one()
        await self._add_identity(volunteer_id, identity, now)
        self._unnumbered.append((volunteer_id, campaign_id))
        return replace(newcomer, id=volunteer_id, number=placeholder)

    async def number_newcomers(self) -> None:
        """Give each newcomer of this unit of work its number: the last statements before
        COMMIT, so the counter's row lock is held for the commit alone."""
        unnumbered, self._unnumbered = self._unnumbered, []
        for volunteer_id, campaign_id in unnumbered:
            await self._db.execute(
                _NUMBER, {"volunteer_id": volunteer_id, "counted_campaign_id": campaign_id}
            )

    async def get(self, volunteer_id: int) -> Volunteer:
        """The volunteer; LookupError if there is none with that id."""
        if volunteer_id in self._read:
            return self._read[volunteer_id]
        result = await self._db.execute(_GET, {"volunteer_id": volunteer_id})
        return rows.volunteer(rows.one(result, f"volunteer {volunteer_id}"))

    async def load_many(self, volunteer_ids: Collection[int]) -> None:
        """Read the volunteers not read yet, and how to reach them: one query each."""
        wanted = await rows.load_many(
            self._db, _MANY, volunteer_ids, self._read, volunteers.c.id, rows.volunteer
        )
        if not wanted:
            return
        reach: dict[int, list[Identity]] = {v: [] for v in wanted}
        for row in (await self._db.execute(_IDENTITIES_OF_MANY, {"ids": wanted})).mappings():
            reach[row[identities.c.volunteer_id]].append(rows.identity(row))
        self._reach.update(reach)

    async def save(self, volunteer: Volunteer) -> None:
        """Store every mutable field of the volunteer."""
        self._forget_read(volunteer.id)
        await self._db.execute(
            _SAVE,
            {
                "volunteer_id": volunteer.id,
                "display_name": volunteer.display_name,
                "name_key": _name_key(volunteer.display_name),
                "timezone": volunteer.timezone,
                "platform_timezone": volunteer.platform_timezone,
                "language": volunteer.language,
                "platform_language": volunteer.platform_language,
                "reminder_offsets": volunteer.reminder_offsets,
                "onboarded_at": volunteer.onboarded_at,
                "contacted_at": volunteer.contacted_at,
                "contacted_by": volunteer.contacted_by,
                "follow_up_due_at": volunteer.follow_up_due_at,
                "forgotten_at": volunteer.forgotten_at,
                **rows.profile_columns(volunteer.profile),
            },
        )

    async def identities(self, volunteer_id: int) -> Sequence[Identity]:
        """How to reach the volunteer, most recently seen first."""
        if volunteer_id in self._reach:
            return self._reach[volunteer_id]
        result = await self._db.execute(
            select(identities)
            .where(identities.c.volunteer_id == volunteer_id)
            .order_by(identities.c.last_seen_at.desc(), identities.c.id.desc())
        )
        return [rows.identity(row) for row in result.mappings()]

    async def find(self, campaign_id: int, ref: str) -> Sequence[Volunteer]:
        """Volunteers matching `ref`: their number (`12` or `#12`) or name, case-insensitive.

        A leading `@` is ignored, as people paste mentions. Forgotten volunteers never match.
        """
        wanted = ref.strip().removeprefix("@").strip()
        digits = wanted.removeprefix("#")
        statement = select(volunteers).where(
            volunteers.c.campaign_id == campaign_id, volunteers.c.forgotten_at.is_(None)
        )
        if digits.isdecimal():
            if len(digits) > _MAX_NUMBER_DIGITS:
                return []
            statement = statement.where(volunteers.c.number == int(digits))
        elif wanted:
            statement = statement.where(volunteers.c.name_key == _name_key(wanted))
        else:
            return []
        result = await self._db.execute(statement.order_by(volunteers.c.number))
        return [rows.volunteer(row) for row in result.mappings()]

    async def was_forgotten(self, campaign_id: int, number: int) -> bool:
        """Whether `number` was a volunteer of the campaign who was erased (see the port)."""
        if not 1 <= number < 10**_MAX_NUMBER_DIGITS:
            return False
        row = await self._db.execute(
            select(volunteers.c.forgotten_at).where(
                volunteers.c.campaign_id == campaign_id, volunteers.c.number == number
            )
        )
        found = row.first()
        if found is not None:
            return found.forgotten_at is not None
        last = await self._db.scalar(
            select(counters.c.value).where(
                counters.c.campaign_id == campaign_id, counters.c.name == Counter.VOLUNTEER
            )
        )
        return last is not None and number <= last

    async def uncontacted(self, campaign_id: int) -> Sequence[Volunteer]:
        """Volunteers nobody has contacted yet, longest waiting first (forgotten ones excluded)."""
        result = await self._db.execute(
            select(volunteers)
            .where(
                volunteers.c.campaign_id == campaign_id,
                volunteers.c.contacted_at.is_(None),
                volunteers.c.forgotten_at.is_(None),
            )
            .order_by(volunteers.c.joined_at, volunteers.c.id)
        )
        return [rows.volunteer(row) for row in result.mappings()]

    async def next_follow_up_at(self) -> datetime | None:
        earliest = select(func.min(volunteers.c.follow_up_due_at)).where(
            volunteers.c.forgotten_at.is_(None)
        )
        return (await self._db.execute(earliest)).scalar_one_or_none()

    async def follow_ups_due(self, now: datetime, limit: int) -> Sequence[Volunteer]:
        """Volunteers in any campaign whose follow_up_due_at has come, earliest first."""
        result = await self._db.execute(
            select(volunteers)
            .where(volunteers.c.follow_up_due_at <= now, volunteers.c.forgotten_at.is_(None))
            .order_by(volunteers.c.follow_up_due_at, volunteers.c.id)
            .limit(limit)
        )
        return [rows.volunteer(row) for row in result.mappings()]

    async def forget(self, volunteer_id: int, now: datetime) -> None:
        """Erase the volunteer by every table's rule (storage/erasure.py): name, zone, profile
        and platform identities go, and whatever else names them; the row stays, cleared, for
        anonymous counts."""
        self._forget_read(volunteer_id)
        await erasure.erase_everywhere(self._db, volunteer_id, now)
        # The WAL still holds the old pages until a checkpoint: the unit of work runs one
        # after commit (secure_delete has already zeroed freed space in the file itself).
        self.erased = True

    async def forget_all(self, volunteer_ids: Sequence[int], now: datetime) -> None:
        """forget for each of `volunteer_ids`, a batch of them per statement (a team's people)."""
        for volunteer_id in volunteer_ids:
            self._forget_read(volunteer_id)
        await erasure.erase_all(self._db, volunteer_ids, now)
        self.erased = self.erased or bool(volunteer_ids)

    async def remove_all_unreferenced(self, volunteer_ids: Sequence[int]) -> int:
        """remove_if_unreferenced for each of `volunteer_ids`, a batch per statement; how many
        stay (something still counts them)."""
        return await erasure.remove_unreferenced(self._db, volunteer_ids)

    async def remove_if_unreferenced(self, volunteer_id: int) -> bool:
        # What still holds the id after forget-me: the rows its rules keep (storage/erasure.py).
        return await erasure.remove_unreferenced(self._db, [volunteer_id]) == 0


def _new(
    volunteer_id: int, campaign_id: int, number: int, display_name: str, now: datetime
) -> Volunteer:
    return Volunteer(
        id=volunteer_id,
        campaign_id=campaign_id,
        number=number,
        display_name=display_name,
        timezone=None,
        reminder_offsets=None,
        profile=None,
        joined_at=now,
    )


def _new_row(volunteer: Volunteer) -> dict[str, object]:
    """The columns a new volunteer's INSERT writes (the rest keep their defaults)."""
    return {
        "campaign_id": volunteer.campaign_id,
        "number": volunteer.number,
        "display_name": volunteer.display_name,
        "name_key": _name_key(volunteer.display_name),
        "joined_at": volunteer.joined_at,
        "follow_up_due_at": volunteer.follow_up_due_at,
        "platform_timezone": volunteer.platform_timezone,
        "platform_language": volunteer.platform_language,
    }


def _name_key(name: str | None) -> str | None:
    """What a name is matched by: Unicode-normalised and case-folded, outer spaces ignored."""
    if name is None or not name.strip():
        return None
    return unicodedata.normalize("NFKC", name.strip()).casefold()
