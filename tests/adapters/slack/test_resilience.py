"""When Slack or the database misbehaves: reminders still arrive once, people are still
answered, and a locked database means "try again", never half a sign-up."""

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import make_url, select

from bot.app.turnout import TRY_AGAIN
from bot.domain.notice import MAX_ATTEMPTS, Notice, NoticeKind, NoticeState
from storage import SqlStorage, rows
from storage.tables import notices
from tests.adapters.slack.conftest import ORGANIZER_CHANNEL, VERA, WALT, Rig
from tests.adapters.slack.fake_slack import Failure, FakeSlack
from tests.adapters.slack.test_delivery import TOMORROW, reminders, vera_joins_tomorrows_shift
from tests.conftest import Database

Fail = Callable[..., Failure]


@pytest.fixture
async def storage(database: Database) -> SqlStorage:
    """As everywhere, but a SQLite file locked by another process is given up on after 0.2 s
    rather than 10."""
    return await database.open(busy_timeout=timedelta(milliseconds=200))


@pytest.fixture
def slack_fails(fake_slack: FakeSlack) -> Iterator[Fail]:
    """Script a failure in the fake Slack; calls it still holds are let go at the end."""
    scripted: list[Failure] = []

    def fail(method: str, error: str = "internal_error", **options: Any) -> Failure:
        failure = Failure(method, error, **options)
        fake_slack.failures.append(failure)
        scripted.append(failure)
        return failure

    yield fail
    for failure in scripted:
        failure.released.set()


async def the_reminder(storage: SqlStorage) -> Notice:
    """Vera's 24-hour reminder, as stored."""
    async with storage.unit_of_work() as uow:
        found = await uow.connection.execute(
            select(notices)
            .where(notices.c.kind == NoticeKind.SHIFT_REMINDER.value)
            .order_by(notices.c.due_at)
        )
        row = found.mappings().first()
        assert row is not None
        return rows.notice(row)


OUTAGES = [
    pytest.param({"status": 500}, {}, "Slack had a problem (internal_error)", id="http-500"),
    # A proxy's error page instead of Slack's JSON.
    pytest.param(
        {"status": 503, "body": "<html>Service Unavailable</html>"},
        {},
        "Slack had a problem (HTTP 503)",
        id="html-503",
    ),
    pytest.param(
        {"status": 502, "body": "{ not json", "content_type": "application/json"},
        {},
        "Slack had a problem (HTTP 502)",
        id="broken-json-502",
    ),
    # Held far longer than the client waits (2 s here, 30 s by default).
    pytest.param(
        {"hold": 5}, {"api_timeout": 2.0}, "couldn't reach Slack (TimeoutError)", id="timeout"
    ),
    pytest.param(
        {"hang_up": True},
        {},
        "couldn't reach Slack (ServerDisconnectedError)",
        id="connection-reset",
    ),
]


@pytest.mark.parametrize(("outage", "slack_options", "reason"), OUTAGES, indirect=["slack_options"])
async def test_a_reminder_slack_fails_to_take_is_retried_with_growing_backoff_and_sent_once(
    rig: Rig, storage: SqlStorage, slack_fails: Fail, outage: dict[str, Any], reason: str
) -> None:
    await vera_joins_tomorrows_shift(rig)
    slack_fails("chat.postMessage", times=2, when={"channel": "D0VERA"}, **outage)
    rig.clock.advance(timedelta(hours=10))

    for attempt, backoff in enumerate((timedelta(seconds=5), timedelta(seconds=10)), start=1):
        report = await rig.deliver()
        notice = await the_reminder(storage)
        assert (report.sent, report.retried) == (0, 1)
        assert notice.state is NoticeState.PENDING and notice.attempts == attempt
        assert notice.due_at == rig.clock.now() + backoff
        assert notice.last_error == reason
        rig.clock.advance(backoff - timedelta(seconds=1))
        assert (await rig.deliver()).retried == 0, "not tried again before its time"
        assert len(reminders(rig)) == attempt
        rig.clock.advance(timedelta(seconds=1))

    assert (await rig.deliver()).sent == 1
    rig.clock.advance(timedelta(hours=1))
    assert (await rig.deliver()).sent == 0
    notice = await the_reminder(storage)
    assert (notice.state, notice.attempts) == (NoticeState.SENT, 3)
    tries = reminders(rig)
    assert len(tries) == 3, "two that failed, then the one Vera got; nothing after"
    assert tries[-1].button("Can't make it")["value"] == "turnout:leave:1"


@pytest.mark.parametrize(
    ("failure", "backoffs", "reason"),
    [
        pytest.param(
            {"error": "account_inactive"},
            [],
            "their Slack account is deactivated (account_inactive)",
            id="refused",
        ),
        pytest.param(
            {"error": "service_unavailable", "status": 503},
            [5, 10, 20, 40, 80, 160, 320],
            "Slack had a problem (service_unavailable)",
            id="down-for-good",
        ),
    ],
)
async def test_a_reminder_that_cannot_get_through_is_recorded_as_failed_and_organizers_told(
    rig: Rig,
    storage: SqlStorage,
    slack_fails: Fail,
    failure: dict[str, Any],
    backoffs: list[int],
    reason: str,
) -> None:
    await vera_joins_tomorrows_shift(rig)
    slack_fails("chat.postMessage", times=100, when={"channel": "D0VERA"}, **failure)
    rig.clock.advance(timedelta(hours=10))

    waited: list[int] = []
    for _ in range(2 * MAX_ATTEMPTS):  # a bound, in case it never gives up
        await rig.deliver()
        notice = await the_reminder(storage)
        if notice.state is not NoticeState.PENDING:
            break
        waited.append(int((notice.due_at - rig.clock.now()).total_seconds()))
        rig.clock.advance(notice.due_at - rig.clock.now())

    assert waited == backoffs
    assert (notice.state, notice.last_error) == (NoticeState.FAILED, reason)
    assert len(reminders(rig)) == notice.attempts == len(backoffs) + 1
    told = await rig.delivered(
        "chat.postMessage", lambda c: "couldn't deliver" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert f"a shift reminder to vera (#2): {reason}" in told.text


async def test_volunteers_are_answered_while_a_reminder_send_hangs(
    rig: Rig, storage: SqlStorage, slack_fails: Fail
) -> None:
    await vera_joins_tomorrows_shift(rig)
    stuck = slack_fails("chat.postMessage", status=500, hold=60, when={"channel": "D0VERA"})
    rig.clock.advance(timedelta(hours=10))

    delivery = asyncio.create_task(rig.deliver())
    try:
        await rig.fake.wait_for(
            "chat.postMessage", lambda c: "Reminder" in c.text, channel="D0VERA"
        )
        # A write, so it needs the database the dispatcher is in the middle of using.
        await rig.command("/phonebank join 1", WALT)
        answer = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0], within=5)
        assert "You're in!" in answer.text
        assert not delivery.done(), "Walt was answered while the reminder was still stuck"
    finally:
        stuck.released.set()
        report = await delivery

    assert report.retried == 1
    rig.clock.advance(timedelta(seconds=5))
    await rig.deliver()
    assert (await the_reminder(storage)).state is NoticeState.SENT
    assert len(reminders(rig)) == 2


async def test_a_join_while_another_process_locks_the_database_says_try_again_and_saves_nothing(
    rig: Rig, database: Database
) -> None:
    if database.kind != "sqlite":
        pytest.skip("a file lock held by another process is SQLite's")
    await rig.as_organizer(TOMORROW)
    other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        await rig.command("/phonebank join 1")
        refused = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    finally:
        other.close()

    assert TRY_AGAIN in refused.text
    await rig.command("/phonebank join 1")
    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    # Not "you're already signed up": the refused attempt left nothing behind.
    assert "You're in!" in joined.text


@pytest.mark.parametrize(
    "code", ["service_unavailable", "internal_error", "request_timeout", "fatal_error"]
)
async def test_a_transient_ok_false_from_slack_is_retried_with_backoff_not_dropped(
    rig: Rig, storage: SqlStorage, slack_fails: Fail, code: str
) -> None:
    """Slack answers these with HTTP 200 and `ok: false`: still Slack's trouble, not ours."""
    await vera_joins_tomorrows_shift(rig)
    slack_fails("chat.postMessage", code, when={"channel": "D0VERA"})
    rig.clock.advance(timedelta(hours=10))

    report = await rig.deliver()
    notice = await the_reminder(storage)
    assert (report.sent, report.retried) == (0, 1)
    assert (notice.state, notice.attempts) == (NoticeState.PENDING, 1)
    assert notice.due_at == rig.clock.now() + timedelta(seconds=5)
    assert notice.last_error == f"Slack had a problem ({code})"

    rig.clock.advance(timedelta(seconds=5))
    assert (await rig.deliver()).sent == 1
    assert (await the_reminder(storage)).state is NoticeState.SENT
    assert len(reminders(rig)) == 2, "the one that failed, then the one Vera got"


async def test_ratelimited_with_ok_false_waits_as_long_as_slack_asked_without_using_an_attempt(
    rig: Rig, storage: SqlStorage, slack_fails: Fail
) -> None:
    await vera_joins_tomorrows_shift(rig)
    slack_fails("chat.postMessage", "ratelimited", retry_after=40, when={"channel": "D0VERA"})
    rig.clock.advance(timedelta(hours=10))

    report = await rig.deliver()
    notice = await the_reminder(storage)
    assert (report.sent, report.retried) == (0, 1)
    assert (notice.state, notice.attempts) == (NoticeState.PENDING, 0)
    assert notice.due_at == rig.clock.now() + timedelta(seconds=40)

    rig.clock.advance(timedelta(seconds=40))
    assert (await rig.deliver()).sent == 1
    assert len(reminders(rig)) == 2


@pytest.mark.parametrize("slack_options", [{"api_timeout": 2.0}], indirect=True)
async def test_a_reminder_that_reached_slack_before_the_send_timed_out_is_not_sent_again(
    rig: Rig, storage: SqlStorage, slack_fails: Fail
) -> None:
    await vera_joins_tomorrows_shift(rig)
    # Slack posts it, then answers after the client gave up (2 s).
    slack_fails("chat.postMessage", hold=5, lands=True, when={"channel": "D0VERA"})
    rig.clock.advance(timedelta(hours=10))

    report = await rig.deliver()
    assert (report.sent, report.retried) == (0, 1)
    assert len(reminders(rig)) == 1
    rig.clock.advance(timedelta(seconds=5))

    assert (await rig.deliver()).sent == 1
    notice = await the_reminder(storage)
    assert (notice.state, notice.attempts) == (NoticeState.SENT, 2)
    assert len(reminders(rig)) == 1, "Vera has the one that arrived, not a second"
    looked = rig.fake.calls_to("conversations.history", channel="D0VERA")
    assert len(looked) == 1, "the retry looked whether the first try had arrived"


@pytest.mark.parametrize("slack_options", [{"api_timeout": 2.0}], indirect=True)
async def test_without_the_history_scope_a_timed_out_reminder_is_sent_again_and_it_is_said_once(
    rig: Rig, slack_fails: Fail, caplog: pytest.LogCaptureFixture
) -> None:
    await vera_joins_tomorrows_shift(rig)
    slack_fails("chat.postMessage", hold=5, lands=True, when={"channel": "D0VERA"})
    slack_fails("conversations.history", "missing_scope", times=10)
    rig.clock.advance(timedelta(hours=10))

    await rig.deliver()
    rig.clock.advance(timedelta(seconds=5))
    assert (await rig.deliver()).sent == 1

    assert len(reminders(rig)) == 2, "can't tell it arrived: sent again rather than lost"
    said = [r.getMessage() for r in caplog.records if "can't look whether" in r.getMessage()]
    assert len(said) == 1 and "missing_scope" in said[0]
