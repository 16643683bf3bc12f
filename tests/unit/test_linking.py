"""Linking teams into one campaign: codes, confirmation, what moves, and unlinking."""

import csv
import io
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import insert

from bot.domain.campaign import Identity
from bot.domain.post import EDIT_DELAY
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Message
from storage import SqlStorage
from storage.tables import identities
from tests.conftest import Harness
from tests.fakes import ORGANIZERS
from tests.linked import (
    CONSOLE,
    COUNTY,
    STATE,
    Linked,
    actor,
    code_in,
    first_button,
    link,
    linked_harness,
    press,
    reply,
    say,
)
from tests.render import text_of

CREATE = '/phonebank create "{title}" 2026-11-07 18:00 2h 5 https://dialer.example/x'


@pytest.fixture
async def harness(storage: SqlStorage) -> AsyncIterator[Linked]:
    """A Slack workspace, a Discord server and a console on one core."""
    async with linked_harness(storage) as linked:
        yield linked


async def test_an_organizer_gets_a_one_time_code_and_a_volunteer_does_not(
    harness: Harness,
) -> None:
    reply = await say(harness, STATE, "Olivia", "/turnout link")
    assert "Your link code is" in reply and "until" in reply
    code_in(reply)
    refused = await say(harness, STATE, "Maria", "/turnout link")
    assert "Only organizers can link teams" in refused


async def test_a_county_joins_after_confirming_and_its_shifts_take_new_numbers(
    harness: Harness,
) -> None:
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    await say(harness, COUNTY, "Carmen", CREATE.format(title="County calls"))
    code = code_in(await say(harness, STATE, "Olivia", "/turnout link"))

    asking = await reply(harness, COUNTY, "Carmen", f"/turnout link {code}")
    asked = text_of(asking)
    assert "This team will join State party" in asked
    assert "[1] Join the campaign" in asked
    # Asking changed nothing: the county still sees only its own shift.
    listing = await say(harness, COUNTY, "Ben", "/phonebank list")
    assert "County calls" in listing and "State calls" not in listing

    joined = await press(harness, COUNTY, "Carmen", first_button(asking))
    assert "This team is now part of State party, with State party." in joined
    assert "Your shifts' new numbers: #1 is now #2." in joined

    for team, name in ((STATE, "Maria"), (COUNTY, "Ben")):
        listing = await say(harness, team, name, "/phonebank list")
        assert "#1 State calls" in listing and "#2 County calls" in listing
    assert "You're in! #1" in await say(harness, COUNTY, "Ben", "/phonebank join 1")
    assert "You're in! #2" in await say(harness, STATE, "Maria", "/phonebank join 2")


async def campaign_ids(h: Harness) -> dict[str, int]:
    """Each team's campaign, as stored."""
    async with h.storage.unit_of_work() as uow:
        found = {}
        for team in (STATE, COUNTY, CONSOLE):
            stored = await uow.campaigns.team(team.platform, team.external_id)
            if stored is not None:
                found[team.external_id] = stored.campaign_id
        return found


async def test_a_code_is_useless_to_a_volunteer_after_use_after_expiry_and_in_its_own_campaign(
    harness: Harness,
) -> None:
    await say(harness, COUNTY, "Carmen", CREATE.format(title="County calls"))
    await say(harness, CONSOLE, "Dana", "/volunteer tz America/Chicago")
    code = code_in(await say(harness, STATE, "Olivia", "/turnout link"))
    before = await campaign_ids(harness)

    volunteer = await say(harness, COUNTY, "Ben", f"/turnout link {code} confirm")
    assert "Only organizers can link teams into one campaign." in volunteer
    own = await say(harness, STATE, "Olivia", f"/turnout link {code} confirm")
    assert own == "This team is already part of that campaign, so there's nothing to link."
    unknown = await say(harness, COUNTY, "Carmen", "/turnout link AAAA-BBBB-CCCC confirm")
    assert unknown.startswith("I don't know that link code.")
    garbled = await say(harness, COUNTY, "Carmen", "/turnout link hello")
    assert garbled.startswith("That isn't a link code")
    assert await campaign_ids(harness) == before

    harness.clock.advance(timedelta(hours=24))
    expired = await say(harness, COUNTY, "Carmen", f"/turnout link {code} confirm")
    assert expired.startswith("That link code has expired")
    assert await campaign_ids(harness) == before

    fresh = code_in(await say(harness, STATE, "Olivia", "/turnout link"))
    # Typed in lower case with spaces, it is the same code.
    spaced = fresh.lower().replace("-", " ")
    assert "now part of" in await say(harness, COUNTY, "Carmen", f"/turnout link {spaced} confirm")
    used = await say(harness, CONSOLE, "Dana", f"/turnout link {fresh} confirm")
    assert used.startswith("That link code was already used.")
    ids = await campaign_ids(harness)
    assert ids[COUNTY.external_id] == ids[STATE.external_id] != ids[CONSOLE.external_id]


async def test_a_join_button_works_only_for_the_team_that_typed_the_code(
    harness: Harness,
) -> None:
    code = code_in(await say(harness, STATE, "Olivia", "/turnout link"))
    asking = await reply(harness, COUNTY, "Carmen", f"/turnout link {code}")
    action = first_button(asking)
    before = await campaign_ids(harness)
    # The console's organizer crafts the same button: it names a code this team never typed.
    crafted = await press(harness, CONSOLE, "Dana", action)
    assert crafted.startswith("That button isn't for this team.")
    assert "Only organizers" in await press(harness, COUNTY, "Ben", action)
    not_now = await press(harness, COUNTY, "Carmen", first_button(asking).replace("link:", "x:"))
    assert "older version" in not_now
    assert await campaign_ids(harness) == before
    assert "now part of" in await press(harness, COUNTY, "Carmen", action)
    again = await press(harness, COUNTY, "Carmen", action)
    assert again == "This team is already part of that campaign, so there's nothing to link."


async def test_joining_moves_tasks_and_volunteers_with_new_numbers(harness: Harness) -> None:
    await say(harness, STATE, "Olivia", '/task post "Call list A" due 2026-11-06 slots 2')
    await say(harness, STATE, "Maria", "/volunteer tz America/Chicago")
    await say(harness, COUNTY, "Carmen", '/task post "Flyers" due 2026-11-06 slots 2')
    await say(harness, COUNTY, "Ben", "/volunteer tz America/Chicago")
    joined = await link(harness, COUNTY, STATE)
    assert "Your tasks' new numbers: #1 is now #2." in joined
    assert "Your volunteers keep their order with the numbers #3 to #4." in joined
    tasks = await say(harness, STATE, "Maria", "/task list")
    assert "Call list A" in tasks and "Flyers" in tasks


async def test_unlinking_asks_first_then_gives_the_team_a_campaign_of_its_own(
    harness: Harness,
) -> None:
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    await link(harness, COUNTY, STATE)
    assert "You're in! #1" in await say(harness, COUNTY, "Ben", "/phonebank join 1")

    lonely = await say(harness, CONSOLE, "Dana", "/turnout unlink")
    assert lonely.startswith("This team isn't linked with another")
    assert "Only organizers" in await say(harness, COUNTY, "Ben", "/turnout unlink confirm")
    asking = await reply(harness, COUNTY, "Carmen", "/turnout unlink")
    assert "This team will leave State party" in text_of(asking)
    assert (await campaign_ids(harness))[COUNTY.external_id] == (await campaign_ids(harness))[
        STATE.external_id
    ]
    left = await press(harness, COUNTY, "Carmen", first_button(asking))
    assert left.startswith("This team left State party")
    ids = await campaign_ids(harness)
    assert ids[COUNTY.external_id] != ids[STATE.external_id]

    # The sign-up already made stays on the state's roster; the county no longer lists it.
    roster = await say(harness, STATE, "Olivia", "/phonebank roster 1")
    assert "Ben" in roster
    assert "State calls" not in await say(harness, COUNTY, "Ben", "/phonebank list")
    # A shift created now stays with the team that made it, numbered after what was seen.
    created = await say(harness, COUNTY, "Carmen", CREATE.format(title="County again"))
    assert "Created #2" in created
    assert "County again" not in await say(harness, STATE, "Maria", "/phonebank list")
    # Naming the state's shift from the county changes nothing.
    assert "#1" in await say(harness, COUNTY, "Ben", "/phonebank leave 1")
    assert "Ben" in await say(harness, STATE, "Olivia", "/phonebank roster 1")


async def test_rosters_and_stats_name_each_persons_team_once_teams_are_linked(
    harness: Harness,
) -> None:
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    await say(harness, STATE, "Maria", "/phonebank join 1")
    alone = await say(harness, STATE, "Olivia", "/phonebank roster 1")
    assert "1. Maria\n" in alone and "State party" not in alone
    assert "By team" not in await say(harness, STATE, "Olivia", "/turnout stats all")

    await link(harness, COUNTY, STATE)
    await link(harness, CONSOLE, STATE)
    await say(harness, COUNTY, "Ben", "/phonebank join 1")
    await say(harness, CONSOLE, "Dana", "/phonebank join 1")
    for team, organizer in ((STATE, "Olivia"), (COUNTY, "Carmen"), (CONSOLE, "Dana")):
        roster = await say(harness, team, organizer, "/phonebank roster 1")
        assert "1. Maria (State party)" in roster
        assert "2. Ben (Lake County)" in roster
        assert "3. Dana (Console)" in roster
    harness.clock.advance(timedelta(days=6))
    stats = await say(harness, COUNTY, "Carmen", "/turnout stats all")
    assert "• By team:" in stats
    assert "– State party: seats filled 1, attended 0, calls 0, new volunteers 1" in stats
    assert "– Lake County: seats filled 1, attended 0, calls 0, new volunteers 1" in stats
    assert "– Console: seats filled 1, attended 0, calls 0, new volunteers 0" in stats


async def test_exports_name_each_persons_team(harness: Harness) -> None:
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    await link(harness, COUNTY, STATE)
    await say(harness, STATE, "Maria", "/phonebank join 1")
    await say(harness, COUNTY, "Ben", "/phonebank join 1")

    exported = await reply(harness, COUNTY, "Carmen", "/turnout export signups all")

    assert isinstance(exported, Message) and exported.files, exported
    rows = list(csv.DictReader(io.StringIO(exported.files[0].content.decode())))
    assert {(row["name"], row["team"]) for row in rows} == {
        ("Maria", "State party"),
        ("Ben", "Lake County"),
    }


async def test_a_linked_teams_board_shows_the_campaigns_shifts_until_it_unlinks(
    harness: Linked,
) -> None:
    county = harness.sent_on["discord"]
    posted = await harness.bot.turnout.run_text(
        actor(COUNTY, "Carmen", "county-calls"), "/phonebank post board"
    )
    assert "Posting the board" in text_of(posted)
    await harness.deliver()
    assert len(county.texts("#county-calls")) == 1

    await link(harness, COUNTY, STATE)
    await say(harness, STATE, "Olivia", CREATE.format(title="Statewide calls"))
    await harness.advance(EDIT_DELAY)
    (ref, _shown) = county.edits[-1]
    assert ref.channel == "county-calls"
    assert "Statewide calls" in county.edited(ref.message_id)[-1]

    await say(harness, COUNTY, "Carmen", "/turnout unlink confirm")
    await harness.advance(EDIT_DELAY)
    assert "Statewide calls" not in county.edited(ref.message_id)[-1]
    # The state's own shifts carry on for the state.
    assert "Statewide calls" in await say(harness, STATE, "Maria", "/phonebank list")


async def test_forget_me_reaches_every_team_a_person_is_in(harness: Harness) -> None:
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    await link(harness, COUNTY, STATE)
    await say(harness, COUNTY, "Ben", "/phonebank join 1")
    # Ben is also in the state's workspace, as the same volunteer (an account in each team).
    async with harness.storage.unit_of_work() as uow:
        ben = await uow.volunteers.by_identity(Identity(COUNTY.platform, COUNTY.external_id, "ben"))
        assert ben is not None
        await uow.connection.execute(
            insert(identities).values(
                platform=STATE.platform,
                team_external_id=STATE.external_id,
                user_external_id="ben",
                volunteer_id=ben.id,
                last_seen_at=harness.clock.now(),
            )
        )
        await uow.commit()
    assert "You're already signed up" in await say(harness, STATE, "Ben", "/phonebank join 1")

    erased = await say(harness, STATE, "Ben", "/volunteer forget-me confirm")

    assert erased.startswith("Done: your name, answers and accounts are erased.")
    async with harness.storage.unit_of_work() as uow:
        assert await uow.volunteers.identities(ben.id) == []
        for team in (STATE, COUNTY):
            assert (
                await uow.volunteers.by_identity(Identity(team.platform, team.external_id, "ben"))
                is None
            )
    roster = await say(harness, STATE, "Olivia", "/phonebank roster 1")
    assert "Ben" not in roster


async def test_a_posted_shift_of_the_joining_team_shows_its_new_number(harness: Linked) -> None:
    county = harness.sent_on["discord"]
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    created = await harness.bot.turnout.run_text(
        actor(COUNTY, "Carmen", "county-calls"), CREATE.format(title="County calls")
    )
    assert "I'm posting it here" in text_of(created)
    await harness.deliver()
    (post,) = county.texts("#county-calls")
    assert "#1" in post

    await link(harness, COUNTY, STATE)
    await harness.advance(EDIT_DELAY)

    (ref, _shown) = county.edits[-1]
    assert "#2 “County calls”" in county.edited(ref.message_id)[-1]


async def test_a_team_whose_organizers_cant_be_reached_keeps_their_notices_from_no_other(
    harness: Linked,
) -> None:
    await link(harness, COUNTY, into=STATE)
    await link(harness, CONSOLE, into=STATE)
    # The state's workspace removed Turnout: its organizers can't be reached any more.
    gone = DeliveryError("Turnout was removed from that Slack workspace", permanent=True)
    harness.sent_on["slack"].failures[ORGANIZERS] = gone

    # A shift's confirmation check is every team's news, due 12 hours before it starts.
    await say(harness, STATE, "Olivia", CREATE.format(title="State calls"))
    harness.clock.advance(timedelta(days=5))
    report = await harness.deliver()

    for platform in ("discord", "console"):
        told = harness.sent_on[platform].texts(ORGANIZERS)
        assert [t for t in told if "Confirmation check for #1" in t], (platform, told)
    assert report.failed == 0


async def test_a_newcomer_is_news_for_their_own_teams_organizers_only(harness: Linked) -> None:
    await link(harness, COUNTY, into=STATE)
    await link(harness, CONSOLE, into=STATE)

    await harness.bot.turnout.welcome(actor(COUNTY, "Ben"))
    await harness.deliver()

    told = {p: harness.sent_on[p].texts(ORGANIZERS) for p in ("slack", "discord", "console")}
    # Only the county's organizers can reach Ben; the state and the console can't.
    assert [t for t in told["discord"] if "New volunteer: Ben" in t], told
    assert not [t for t in told["slack"] + told["console"] if "Ben" in t], told


async def test_an_organizers_notice_no_team_can_be_sent_fails(harness: Linked) -> None:
    await link(harness, COUNTY, into=STATE)
    gone = DeliveryError("no organizers to tell", permanent=True)
    for platform in ("slack", "discord"):
        harness.sent_on[platform].failures[ORGANIZERS] = gone

    await harness.bot.turnout.welcome(actor(COUNTY, "Ben"))
    report = await harness.deliver()

    assert report.failed == 1 and report.retried == 0
