"""`/turnout erase-team`: a team's campaign goes whole, or its people leave another team's
campaign erased; nothing of another team changes. On SQLite and PostgreSQL."""

import logging
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import ColumnElement, Table, false, func, or_, select

from bot.calendars.feed_links import FeedLinks
from bot.desk import DeskLinks
from bot.ports.replies import Message
from storage import SqlStorage
from storage.erasure import ERASE, Delete
from storage.tables import campaigns, identities, inbox, installations, metadata, teams, volunteers
from storage.team_erasure import campaign_tables
from tests.linked import (
    COUNTY,
    STATE,
    Linked,
    Team,
    actor,
    first_button,
    link,
    linked_harness,
    press,
    reply,
    say,
)
from tests.render import text_of

PUBLIC = "https://turnout.example.org"


@pytest.fixture
async def h(storage: SqlStorage) -> AsyncIterator[Linked]:
    # Calendar and desk links are handed out, so erasing a team must reach them too.
    async with linked_harness(storage, feeds=FeedLinks(PUBLIC), desk=DeskLinks(PUBLIC)) as linked:
        yield linked


async def busy(h: Linked, team: Team, people: tuple[str, str, str]) -> None:
    """A team with a bit of everything: shifts with a waitlist, positions, a live post, a
    series, a task claimed, a proposal, settings, a link code, a calendar feed, a desk link."""
    o = team.organizer
    a, b, c = people
    await say(
        h, team, o, '/phonebank create "Calls" 2026-11-07 18:00 2h 1 https://dialer.example/x'
    )
    await say(h, team, a, "/phonebank join 1")
    await say(h, team, b, "/phonebank join 1")
    await say(
        h, team, o, '/shift create canvass "Doors" 2026-11-08 10:00 3h 5 "Library, 1 Main St"'
    )
    await say(h, team, o, "/shift positions 2 lead:1 canvasser:4")
    await say(h, team, o, '/shift require 2 lead "canvass lead"')
    await say(h, team, o, f'/volunteer qualify {a} "canvass lead"')
    await say(h, team, c, "/volunteer tz America/Denver")
    await say(h, team, o, f"/shift add 2 {c} as canvasser")
    await h.bot.turnout.run_text(actor(team, o, channel="C-general"), "/phonebank post 1")
    await say(h, team, o, "/phonebank repeat 1 weekly until 2026-12-31")
    await say(h, team, o, '/task post "Drop off flyers" due 2026-11-10 slots 3 At the office.')
    await say(h, team, a, "/task claim 1")
    await say(h, team, c, '/phonebank propose "Calls at home" 2026-11-09 18:00 2h 6')
    await say(h, team, o, "/turnout link")
    await say(h, team, o, "/turnout tz America/Chicago")
    await say(h, team, o, "/turnout digest monday 09:00")
    await say(h, team, a, "/volunteer calendar")
    await say(h, team, a, "/volunteer listed off")
    await say(h, team, o, "/turnout desk")
    await h.deliver()


def _of_campaign(
    table: Table, campaign_id: int, seen: tuple[Table, ...] = ()
) -> ColumnElement[bool]:
    """Rows of `table` that are the campaign's by any chain of keys, people's rows included
    (derived here independently of storage/team_erasure.py)."""
    if table is campaigns:
        return campaigns.c.id == campaign_id
    clauses: list[ColumnElement[bool]] = []
    for key in table.foreign_keys:
        parent = key.column.table
        if parent is table or parent in seen:
            continue
        assert isinstance(parent, Table)
        theirs = select(key.column).where(_of_campaign(parent, campaign_id, (*seen, table)))
        clauses.append(key.parent.in_(theirs))
    return or_(false(), *clauses)


async def counts_of(storage: SqlStorage, campaign_id: int) -> dict[str, int]:
    """How many rows of each table are the campaign's."""
    found = {}
    async with storage.unit_of_work() as uow:
        for table in metadata.sorted_tables:
            where = _of_campaign(table, campaign_id)
            found[table.name] = int(
                await uow.connection.scalar(select(func.count()).select_from(table).where(where))
                or 0
            )
    return found


async def team_row(storage: SqlStorage, team: Team) -> tuple[int, int] | None:
    async with storage.unit_of_work() as uow:
        found = await uow.campaigns.team(team.platform, team.external_id)
    return (found.id, found.campaign_id) if found else None


async def traces_of(storage: SqlStorage, team: Team) -> int:
    """Rows keyed by the team's platform and id (accounts, arrivals, installations)."""
    total = 0
    async with storage.unit_of_work() as uow:
        for table in (identities, inbox, installations, teams):
            column = table.c.external_id if table is teams else table.c.team_external_id
            total += int(
                await uow.connection.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.platform == team.platform, column == team.external_id)
                )
                or 0
            )
    return total


def test_every_table_that_reaches_a_campaign_is_erased_with_it() -> None:
    """A table keyed to a campaign (directly or through a key) is erased with the campaign, or
    reaches it only through volunteers, whose rows forget-me deletes: a new table is missed
    by neither or this fails."""
    owned = set(campaign_tables())
    reaching = {
        table
        for table in metadata.sorted_tables
        if table is not campaigns and str(_of_campaign(table, 1)) != str(false())
    }
    missed = []
    for table in reaching - owned - {volunteers}:
        keys = [key for key in table.foreign_keys if key.column.table is not table]
        deleted_with_person = any(
            isinstance(rule, Delete) and any(c is key.parent for c in rule.by)
            for key in keys
            for rule in ERASE.get(table, ())
            if key.column is volunteers.c.id
        )
        if not deleted_with_person or any(key.column.table in owned for key in keys):
            missed.append(table.name)
    assert missed == []
    assert {"shifts", "signups", "tasks", "notices", "posts", "link_codes", "series"} <= {
        t.name for t in owned
    }


async def test_a_team_erases_its_campaign_and_another_team_keeps_everything(h: Linked) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    await busy(h, COUNTY, ("Dora", "Ezra", "Fay"))
    state = await team_row(h.storage, STATE)
    county = await team_row(h.storage, COUNTY)
    assert state and county
    before = await counts_of(h.storage, state[1])
    county_before = await counts_of(h.storage, county[1])
    filled = {name for name, count in before.items() if count}
    assert {"shifts", "signups", "tasks", "series", "posts", "calendar_feeds"} <= filled
    assert {"desk_links", "link_codes", "digest_schedules", "qualifications"} <= filled

    asked = await reply(h, STATE, "Olivia", "/turnout erase-team")
    text = text_of(asked)
    # Two shifts and three more dates of the series; two seats and a waitlist place.
    assert "for good: 5 shifts, 3 sign-ups, 1 task and 4 volunteers" in text
    # Asking changed nothing.
    assert await counts_of(h.storage, state[1]) == before

    done = await press(h, STATE, "Olivia", first_button(asked))
    assert done.startswith("Done: this team's data is erased")

    after = await counts_of(h.storage, state[1])
    assert {name: n for name, n in after.items() if n} == {}
    assert await team_row(h.storage, STATE) is None
    assert await traces_of(h.storage, STATE) == 0
    assert await counts_of(h.storage, county[1]) == county_before
    assert await traces_of(h.storage, COUNTY) > 0


async def test_the_typed_confirm_erases_and_a_new_command_starts_afresh(h: Linked) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    said = await say(h, STATE, "Olivia", "/turnout erase-team confirm")
    assert said.startswith("Done:")
    assert await team_row(h.storage, STATE) is None
    listing = await say(h, STATE, "Maria", "/phonebank list")
    assert "Calls" not in listing
    fresh = await team_row(h.storage, STATE)
    assert fresh is not None
    assert await counts_of(h.storage, fresh[1]) == {
        **{t.name: 0 for t in metadata.sorted_tables},
        **{name: n for name, n in (await counts_of(h.storage, fresh[1])).items() if n},
    }


async def test_a_volunteer_may_not_erase_the_team_and_nothing_changes(h: Linked) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    state = await team_row(h.storage, STATE)
    assert state
    before = await counts_of(h.storage, state[1])
    refused = await say(h, STATE, "Maria", "/turnout erase-team confirm")
    assert "Only organizers can erase this team's data" in refused
    asked = await reply(h, STATE, "Olivia", "/turnout erase-team")
    refused = await press(h, STATE, "Maria", first_button(asked))
    assert "Only organizers can erase this team's data" in refused
    assert await counts_of(h.storage, state[1]) == before


async def test_a_button_shown_to_another_team_erases_nothing(h: Linked) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    await busy(h, COUNTY, ("Dora", "Ezra", "Fay"))
    state = await team_row(h.storage, STATE)
    county = await team_row(h.storage, COUNTY)
    assert state and county
    before = (await counts_of(h.storage, state[1]), await counts_of(h.storage, county[1]))
    shown_to_state = first_button(await reply(h, STATE, "Olivia", "/turnout erase-team"))
    refused = await press(h, COUNTY, "Carmen", shown_to_state)
    assert "That button isn't for this team" in refused
    after = (await counts_of(h.storage, state[1]), await counts_of(h.storage, county[1]))
    assert after == before


async def test_not_now_erases_nothing(h: Linked) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    state = await team_row(h.storage, STATE)
    assert state
    before = await counts_of(h.storage, state[1])
    asked = await reply(h, STATE, "Olivia", "/turnout erase-team")
    assert isinstance(asked, Message)
    said = await press(h, STATE, "Olivia", asked.buttons[1].action)
    assert said == "OK, nothing was erased."
    assert await counts_of(h.storage, state[1]) == before


async def test_a_team_others_are_linked_into_is_refused_and_nothing_changes(h: Linked) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    await link(h, COUNTY, STATE)
    state = await team_row(h.storage, STATE)
    assert state
    before = await counts_of(h.storage, state[1])
    refused = await say(h, STATE, "Olivia", "/turnout erase-team confirm")
    assert "Other teams are linked into this team's campaign: Lake County" in refused
    assert "/turnout unlink" in refused
    assert await counts_of(h.storage, state[1]) == before
    assert await team_row(h.storage, STATE) == state


async def county_holds_the_last_seat_state_waits(h: Linked) -> int:
    """The county linked into the state's campaign; Dora (county) holds the last seat of a
    state shift, Ben (state) waits for it. Returns the shift's number."""
    await link(h, COUNTY, STATE)
    created = await say(
        h, STATE, "Olivia", '/phonebank create "Late calls" 2026-11-12 18:00 2h 1 https://d.ex/y'
    )
    number = int(created.split("#", 1)[1].split(" ", 1)[0].rstrip(":"))
    assert "You're in" in await say(h, COUNTY, "Dora", f"/phonebank join {number}")
    assert "waitlist" in await say(h, STATE, "Ben", f"/phonebank join {number}")
    return number


async def test_a_linked_team_leaves_with_its_people_erased_and_the_shifts_stay(
    h: Linked,
) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    number = await county_holds_the_last_seat_state_waits(h)
    state = await team_row(h.storage, STATE)
    assert state
    shifts_before = (await counts_of(h.storage, state[1]))["shifts"]

    asked = await reply(h, COUNTY, "Carmen", "/turnout erase-team")
    text = text_of(asked)
    assert "This team leaves State party" in text and "1 volunteer with 1 sign-up" in text
    done = await press(h, COUNTY, "Carmen", first_button(asked))
    assert done.startswith("Done:")

    after = await counts_of(h.storage, state[1])
    assert after["shifts"] == shifts_before
    assert await team_row(h.storage, COUNTY) is None
    assert await traces_of(h.storage, COUNTY) == 0
    roster = await say(h, STATE, "Olivia", f"/phonebank roster {number}")
    assert "Ben" in roster and "Dora" not in roster and "waitlist" not in roster.lower()
    # Ben was told his seat came free.
    assert any("Late calls" in t for t in h.sent_on["slack"].texts("ben"))


async def test_a_team_that_left_erases_its_people_s_seats_elsewhere_and_the_waitlist_moves_up(
    h: Linked,
) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    number = await county_holds_the_last_seat_state_waits(h)
    # The county leaves; Dora goes with it, her seat on the state's shift stays hers.
    left = await say(h, COUNTY, "Carmen", "/turnout unlink confirm")
    assert "has a campaign of its own again" in left
    state = await team_row(h.storage, STATE)
    county = await team_row(h.storage, COUNTY)
    assert state and county and state[1] != county[1]
    state_before = await counts_of(h.storage, state[1])

    done = await say(h, COUNTY, "Carmen", "/turnout erase-team confirm")
    assert done.startswith("Done:"), done

    # The state's shift stays; Dora's seat went as forget-me gives one up, and Ben, first on
    # the waitlist, has it and is told (the notice is the state campaign's).
    assert (await counts_of(h.storage, state[1]))["shifts"] == state_before["shifts"]
    roster = await say(h, STATE, "Olivia", f"/phonebank roster {number}")
    assert "Ben" in roster and "Dora" not in roster, roster
    assert any("Late calls" in t and "seat" in t for t in h.sent_on["slack"].texts("ben"))
    assert await team_row(h.storage, COUNTY) is None
    assert await traces_of(h.storage, COUNTY) == 0
    # Only Dora's row stays, anonymous, for the state shift's counts (her cancelled seat).
    async with h.storage.unit_of_work() as uow:
        rows = (
            await uow.connection.execute(
                select(volunteers.c.display_name, volunteers.c.forgotten_at).where(
                    volunteers.c.campaign_id == county[1]
                )
            )
        ).all()
    assert [(name, forgotten is not None) for name, forgotten in rows] == [(None, True)]


async def test_forget_me_after_the_team_left_gives_up_the_seat_kept_in_the_old_campaign(
    h: Linked,
) -> None:
    number = await county_holds_the_last_seat_state_waits(h)
    await say(h, COUNTY, "Carmen", "/turnout unlink confirm")

    erased = await say(h, COUNTY, "Dora", "/volunteer forget-me confirm")

    assert erased.startswith("Done: your name, answers and accounts are erased"), erased
    roster = await say(h, STATE, "Olivia", f"/phonebank roster {number}")
    assert "Ben" in roster and "Dora" not in roster, roster


async def test_the_log_says_which_team_and_how_much_and_names_nobody(
    h: Linked, caplog: pytest.LogCaptureFixture
) -> None:
    await busy(h, STATE, ("Maria", "Ben", "Cleo"))
    caplog.set_level(logging.INFO, logger="bot.team_erasure.erasing")
    await say(h, STATE, "Olivia", "/turnout erase-team confirm")
    [line] = [r.getMessage() for r in caplog.records if r.name == "bot.team_erasure.erasing"]
    assert line == "erased team slack:T-state: 5 shifts, 3 sign-ups, 1 tasks, 4 volunteers"
