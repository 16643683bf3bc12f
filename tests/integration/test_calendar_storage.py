"""Calendar rows in the database: forget-me leaves none, and processes agree on one secret."""

import asyncio

from sqlalchemy import ColumnElement, Table, func, select

from bot.app.turnout import Turnout
from bot.calendars.commands import ShowCalendarFeed
from bot.calendars.feed_links import FeedLinks
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message, Reply
from bot.signups.commands import JoinShift
from bot.volunteers.commands import ForgetMe
from storage import SqlStorage
from storage.tables import calendar_entries, calendar_feeds, instance_secrets, volunteers
from tests.conftest import Database
from tests.fakes import frozen_clock

PUBLIC = "https://turnout.example.org"
OLIVIA = Actor(Identity("test", "T", "olivia"), "Olivia", is_organizer=True)
CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3 https://dialer.example/sat'


def person(name: str) -> Actor:
    return Actor(Identity("test", "T", name.lower()), name)


def turnout(storage: SqlStorage) -> Turnout:
    return Turnout(
        storage=storage, clock=frozen_clock(), defaults=CampaignDefaults(), feeds=FeedLinks(PUBLIC)
    )


def token_of(reply: Reply) -> str:
    assert isinstance(reply, Message) and not reply.error, reply
    [url] = [w for w in reply.text.split() if w.startswith(PUBLIC)]
    return url.rsplit("/", 1)[1].removesuffix(".ics")


async def count(storage: SqlStorage, table: Table, *where: ColumnElement[bool]) -> int:
    async with storage.engine.connect() as connection:
        query = select(func.count()).select_from(table).where(*where)
        return int((await connection.execute(query)).scalar_one())


async def test_forget_me_leaves_no_feed_and_no_calendar_revision(database: Database) -> None:
    storage = await database.open()
    bot = turnout(storage)
    maria = person("Maria")
    await bot.run_text(OLIVIA, CREATE)
    await bot.handle(JoinShift(maria, shift=1))
    token = token_of(await bot.handle(ShowCalendarFeed(maria)))
    assert await bot.calendar_feed(token) is not None
    assert await count(storage, calendar_feeds) == 1
    assert await count(storage, calendar_entries) == 1

    await bot.handle(ForgetMe(maria, confirmed=True))

    assert await count(storage, calendar_feeds) == 0
    assert await count(storage, calendar_entries) == 0
    assert await bot.calendar_feed(token) is None
    # Only the anonymous row the kept sign-up counts on stays.
    assert await count(storage, volunteers, volunteers.c.display_name.is_(None)) == 1


async def test_two_processes_asking_at_once_share_one_signing_secret(database: Database) -> None:
    one, other = await database.open(), await database.open()
    first, second = turnout(one), turnout(other)

    replies = await asyncio.gather(
        first.handle(ShowCalendarFeed(person("Maria"))),
        second.handle(ShowCalendarFeed(person("Sam"))),
    )

    tokens = [token_of(reply) for reply in replies]
    assert await count(one, instance_secrets) == 1
    for token in tokens:
        assert await first.calendar_feed(token) is not None
        assert await second.calendar_feed(token) is not None
