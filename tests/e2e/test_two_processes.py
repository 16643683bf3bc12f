"""Two real `turnout run` processes on one PostgreSQL database share the work without
stepping on each other: every reminder goes out exactly once between them, sign-ups
racing in through both stay first come, first served, and the very first commands of a
brand-new workspace, racing each other, all succeed.

The two processes are replicas for one Slack workspace, each talking to a fake Slack of its
own, so what each fake recorded is what that process did. (The issue's other example, one
process for Slack and one for Discord, shares the database the same way; two Slack replicas
compete for exactly the same rows, which is the harder case.)
"""

import asyncio
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.app.clock import ManualClock, SystemClock
from bot.app.turnout import Turnout
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.campaign import Counter as CampaignCounter
from bot.domain.signup import SignupStatus
from bot.ports.replies import Message
from bot.signups import reminders
from storage import SqlStorage, open_storage
from tests.adapters.slack.conftest import OLIVIA, sign
from tests.adapters.slack.fake_slack import APP_TOKEN, TEAM_ID, FakeSlack
from tests.e2e.replicas import (
    HttpReplicas,
    assert_stopped_cleanly,
    dm_channel,
    eventually,
    notice_states,
    organizer,
    postgres_url,
    replica_env,
    slash_command,
    start_replicas,
    started_fakes,
    stop_all,
    stop_fakes,
    throwaway_database,
    volunteer_ids,
)

POSTGRES_URL = postgres_url()

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(
        POSTGRES_URL is None,
        reason="two processes sharing a database need PostgreSQL: set "
        "TURNOUT_TEST_DATABASE_URL=postgresql+asyncpg://user@host/database",
    ),
]

DEFAULTS = CampaignDefaults(name="Test campaign", timezone="UTC")


@pytest.fixture
async def database_url() -> AsyncIterator[str]:
    """A database of this test's own on the PostgreSQL server, empty: not even migrated."""
    assert POSTGRES_URL is not None
    async with throwaway_database(POSTGRES_URL) as url:
        yield url


@pytest.fixture
async def storage(database_url: str) -> AsyncIterator[SqlStorage]:
    """The test's own view of the shared database, for seeding and for checking."""
    opened = await open_storage(database_url)
    yield opened
    await opened.close()


async def create_shift(turnout: Turnout, title: str, starts_at: datetime, seats: int) -> None:
    line = f'create "{title}" {starts_at:%Y-%m-%d %H:%M} 2h {seats}'
    reply = await turnout.run_slash(organizer(), "/phonebank", line)
    assert isinstance(reply, Message) and reply.text.startswith("Created #"), reply


# 1. Reminders


SHIFTS = 10
SEATS = 100  # 1,000 reminders in all


async def seed_due_reminders(storage: SqlStorage, users: list[str]) -> None:
    """Shifts half an hour from now, each full of volunteers whose 1-hour reminder is due.

    The organizer creates the shifts through the core, as seen an hour ago (a created shift
    never gets reminders already in the past). The volunteers' sign-ups are then written
    through the repositories and the core's own reminder scheduling, in one transaction:
    a thousand commands one by one would spend the test's time on seeding.
    """
    real_now = datetime.now(UTC)
    an_hour_ago = ManualClock(real_now - timedelta(hours=1), running=False)
    starts_at = (real_now + timedelta(minutes=31)).replace(second=0, microsecond=0)
    turnout = Turnout(storage=storage, clock=an_hour_ago, defaults=DEFAULTS)
    for n in range(1, SHIFTS + 1):
        await create_shift(turnout, f"Evening calls {n}", starts_at, SEATS)
    seeded_at = an_hour_ago.now()
    async with storage.unit_of_work() as uow:
        team = await uow.campaigns.team("slack", TEAM_ID)
        assert team is not None
        campaign = await uow.campaigns.get(team.campaign_id)
        for index, user in enumerate(users):
            hold = await uow.shifts.hold(campaign.id, index % SHIFTS + 1)
            assert hold is not None
            shift = hold.shift
            number = await uow.campaigns.next_number(campaign.id, CampaignCounter.VOLUNTEER)
            identity = Identity("slack", TEAM_ID, user)
            volunteer = await uow.volunteers.add(campaign.id, number, identity, user, seeded_at)
            signup = await uow.signups.add(hold, volunteer.id, SignupStatus.CONFIRMED, seeded_at)
            due = await reminders.schedule(
                uow,
                campaign=campaign,
                volunteer=volunteer,
                signup=signup,
                shift=shift,
                now=seeded_at,
            )
            # Only the 1-hour reminder: the 24-hour one was already past an hour ago.
            assert len(due) == 1 and due[0] < real_now
        await uow.commit()


def reminders_to(fake: FakeSlack) -> Counter[str]:
    """How many reminders each DM channel got from this fake."""
    return Counter(
        str(call["channel"])
        for call in fake.calls_to("chat.postMessage")
        if "Reminder:" in call.text
    )


async def test_two_replicas_deliver_every_reminder_exactly_once_between_them(
    tmp_path: Path, database_url: str, storage: SqlStorage
) -> None:
    users = volunteer_ids(SHIFTS * SEATS, first=1000)
    await seed_due_reminders(storage, users)
    assert await notice_states(storage) == {("shift_reminder", "pending"): len(users)}
    async with AsyncExitStack() as running:
        release = asyncio.Event()
        fakes = await started_fakes(2, release)
        running.push_async_callback(stop_fakes, fakes)
        replicas = await start_replicas(
            tmp_path,
            [replica_env(database_url, fake, SLACK_APP_TOKEN=APP_TOKEN) for fake in fakes],
        )
        running.push_async_callback(stop_all, replicas)
        running.callback(release.set)  # never leave a replica waiting on Slack
        # Both processes have claimed rows and are sending; only now does Slack answer.
        await eventually(
            lambda: all(fake.asked.is_set() for fake in fakes), "both replicas are sending"
        )
        release.set()

        async def all_sent() -> bool:
            return await notice_states(storage) == {("shift_reminder", "sent"): len(users)}

        # A notice is marked sent only once Slack has answered its chat.postMessage.
        await eventually(all_sent, "every reminder is marked sent")

    assert_stopped_cleanly(replicas)
    # Counted after both processes stopped, so a late duplicate could not slip past.
    per_replica = [reminders_to(fake) for fake in fakes]
    delivered = sum(per_replica, Counter())
    assert set(delivered) == {dm_channel(user) for user in users}
    assert max(delivered.values()) == 1, delivered.most_common(5)
    assert all(per_replica), "one replica sent nothing"
    print("reminders sent per replica:", [sum(counts.values()) for counts in per_replica])


# 2. Sign-ups


SEATS_IN_RACE = 10
RACERS = 60
WAITLISTED = re.compile(r"you're #(\d+) on the waitlist")
NEWS_ABOUT = re.compile(r"New volunteer: (\S+) \(#")


async def stored_places(storage: SqlStorage, shift_number: int) -> dict[str, str]:
    """Each user's sign-up as stored: "confirmed", or "waitlist #N" in arrival order."""
    places: dict[str, str] = {}
    async with storage.unit_of_work() as uow:
        team = await uow.campaigns.team("slack", TEAM_ID)
        assert team is not None
        shift = await uow.shifts.by_number(team.campaign_id, shift_number)
        assert shift is not None
        for signup, volunteer in await uow.signups.roster(shift.id):
            (identity,) = await uow.volunteers.identities(volunteer.id)
            assert identity.user_external_id not in places, "two active sign-ups"
            if signup.status is SignupStatus.CONFIRMED:
                places[identity.user_external_id] = "confirmed"
            else:
                position = await uow.signups.waitlist_position(signup)
                places[identity.user_external_id] = f"waitlist #{position}"
    return places


def place_told(answer: str) -> str:
    if answer.startswith("You're in!"):
        return "confirmed"
    waiting = WAITLISTED.search(answer)
    assert waiting, f"neither a seat nor a waitlist place: {answer!r}"
    return f"waitlist #{waiting[1]}"


def dms_to(fakes: Iterable[FakeSlack], channel: str, containing: str) -> list[str]:
    return [
        call.text
        for fake in fakes
        for call in fake.calls_to("chat.postMessage", channel=channel)
        if containing in call.text
    ]


async def test_sign_ups_racing_through_two_replicas_fill_seats_then_the_waitlist_in_order(
    tmp_path: Path, database_url: str
) -> None:
    users = volunteer_ids(RACERS, first=5000)
    async with AsyncExitStack() as running:
        # The database is still empty: both processes migrate it at once as they start.
        pair = await HttpReplicas.start(running, tmp_path, database_url)
        storage = await open_storage(database_url)
        running.push_async_callback(storage.close)
        # The organizer's command introduces the workspace before the rush: the very first
        # commands of a new workspace racing each other are another story (see the last test).
        in_three_days = (datetime.now(UTC) + timedelta(days=3)).replace(second=0, microsecond=0)
        turnout = Turnout(storage=storage, clock=SystemClock(), defaults=DEFAULTS)
        await create_shift(turnout, "Race night", in_three_days, SEATS_IN_RACE)

        await pair.all_at_once(users, "join 1")
        await pair.until_answered(users)
        # Each newcomer's welcome, and the organizer's news of them, went out through
        # whichever replica got there first; the seated volunteers' reminders wait.
        settled = {
            ("welcome", "sent"): RACERS,
            ("new_volunteer", "sent"): RACERS,
            ("shift_reminder", "pending"): 2 * SEATS_IN_RACE,
        }

        async def all_settled() -> bool:
            return await notice_states(storage) == settled

        await eventually(all_settled, "the welcomes and organizer news are sent")
        places = await stored_places(storage, 1)

    assert_stopped_cleanly(pair.replicas)
    told = pair.answers()
    assert all(len(told[user]) == 1 for user in users), {user: told[user] for user in users}
    assert sorted(places.values()) == sorted(
        ["confirmed"] * SEATS_IN_RACE
        + [f"waitlist #{n}" for n in range(1, RACERS - SEATS_IN_RACE + 1)]
    )
    assert {user: place_told(told[user][0]) for user in users} == places
    assert all(f.calls_to("chat.postEphemeral") for f in pair.fakes), "a replica answered nobody"
    # Each replica sent the notices its commands queued at once, racing the other replica
    # doing the same: still once each.
    for user in users:
        assert len(dms_to(pair.fakes, dm_channel(user), "Welcome to")) == 1, user
    news = dms_to(pair.fakes, dm_channel(OLIVIA[0]), "New volunteer")
    newcomers = [match[1] for match in map(NEWS_ABOUT.search, news) if match]
    assert sorted(newcomers) == sorted(user.lower() for user in users)


# 3. First contact


NEWCOMERS = 20


async def test_a_new_workspaces_first_commands_racing_through_both_replicas_all_succeed(
    tmp_path: Path, database_url: str
) -> None:
    users = volunteer_ids(NEWCOMERS, first=7000)
    async with AsyncExitStack() as running:
        pair = await HttpReplicas.start(running, tmp_path, database_url)
        # Nobody from this workspace has spoken to Turnout yet; now twenty people do at once.
        await pair.all_at_once(users, "list")
        await pair.until_answered(users)

    told = pair.answers()
    broke = [user for user in users if "went wrong" in told[user][0]]
    assert not broke, f"{len(broke)} of {NEWCOMERS} were told something went wrong"


async def test_one_signed_request_sent_to_both_replicas_at_once_runs_on_exactly_one(
    tmp_path: Path, database_url: str
) -> None:
    async with AsyncExitStack() as running:
        pair = await HttpReplicas.start(running, tmp_path, database_url)
        body = slash_command(pair.fakes[0], "U0REPLAY", "list")
        headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
        async with aiohttp.ClientSession() as http:

            async def send(port: int) -> int:
                url = f"http://127.0.0.1:{port}/slack/events"
                async with http.post(url, data=body.encode(), headers=headers) as response:
                    return response.status

            statuses = await asyncio.gather(*(send(port) for port in pair.ports))
        await pair.until_answered(["U0REPLAY"])

    assert sorted(statuses) == [200, 401]
    assert len(pair.answers()["U0REPLAY"]) == 1
