"""The delivery rules on their own: plain values in, decisions out; no event loop, no database."""

from datetime import UTC, datetime, timedelta

from bot.domain.campaign import Identity, Team
from bot.domain.notice import MAX_ATTEMPTS, Notice, NoticeKind, NoticeState
from bot.kernel.outbox.delivery_policy import (
    LONGEST_WAIT,
    SUPERSEDED,
    UNREACHABLE,
    GiveUp,
    Retry,
    Route,
    Send,
    address,
    after_failure,
    closed_dms_mention,
    failure_alert,
    lease_margin,
    superseded,
    wait_allowed,
)
from bot.ports.messenger import DeliveryError

NOW = datetime(2026, 11, 6, 18, 0, tzinfo=UTC)
MARIA_SLACK = Identity("slack", "T1", "U2")
MARIA_DISCORD = Identity("discord", "9", "42")
SLACK_TEAM = Team(1, "slack", "T1", campaign_id=1)
DISCORD_TEAM = Team(2, "discord", "9", campaign_id=1)


def notice(
    id: int = 1,
    kind: NoticeKind = NoticeKind.WELCOME,
    *,
    volunteer_id: int | None = 7,
    signup_id: int | None = None,
    due_at: datetime = NOW,
    attempts: int = 1,
) -> Notice:
    return Notice(
        id=id,
        campaign_id=1,
        kind=kind,
        due_at=due_at,
        volunteer_id=volunteer_id,
        signup_id=signup_id,
        attempts=attempts,
    )


def reminder(id: int, signup_id: int, hours_before: int) -> Notice:
    due = NOW - timedelta(hours=hours_before)
    return notice(id, NoticeKind.SHIFT_REMINDER, signup_id=signup_id, due_at=due)


# Addressing


def test_a_volunteer_s_notice_goes_as_a_dm_to_the_account_seen_most_recently() -> None:
    sends = address(to_organizers=False, in_channel=False, identities=[MARIA_DISCORD, MARIA_SLACK])
    assert sends == (Send(Route.DIRECT, "discord", to=MARIA_DISCORD),)


def test_a_volunteer_with_closed_dms_is_mentioned_in_the_channel_instead() -> None:
    sends = address(to_organizers=False, in_channel=True, identities=[MARIA_SLACK])
    assert sends == (Send(Route.MENTION, "slack", to=MARIA_SLACK),)


def test_a_volunteer_with_no_account_left_cannot_be_reached() -> None:
    assert address(to_organizers=False, in_channel=False, identities=[]) is UNREACHABLE
    assert UNREACHABLE.state is NoticeState.FAILED


def test_organizers_hear_on_every_team_of_the_campaign() -> None:
    sends = address(to_organizers=True, in_channel=False, teams=[SLACK_TEAM, DISCORD_TEAM])
    assert sends == (
        Send(Route.ORGANIZERS, "slack", team=SLACK_TEAM),
        Send(Route.ORGANIZERS, "discord", team=DISCORD_TEAM),
    )


# After downtime only the nearest reminder


def test_after_downtime_only_the_nearest_reminder_of_a_sign_up_is_kept() -> None:
    day_before, hour_before, other = reminder(1, 10, 24), reminder(2, 10, 1), reminder(3, 11, 24)
    assert superseded([hour_before, day_before, other]) == {1}
    assert superseded([day_before, hour_before, other]) == {1}
    assert SUPERSEDED.state is NoticeState.SKIPPED


def test_notices_other_than_reminders_are_never_superseded() -> None:
    welcome, alert = notice(1), notice(2, NoticeKind.NEW_VOLUNTEER, volunteer_id=None)
    assert superseded([welcome, alert, reminder(3, 10, 1)]) == set()


# Retry or give up


def test_a_rate_limit_waits_as_asked_and_costs_no_attempt() -> None:
    decision = after_failure(notice(), DeliveryError("ratelimited", retry_after=30), NOW)
    assert decision == Retry(NOW + timedelta(seconds=30), attempt_used=False)


def test_a_rate_limit_of_zero_still_waits_a_second() -> None:
    decision = after_failure(notice(), DeliveryError("ratelimited", retry_after=0), NOW)
    assert decision == Retry(NOW + timedelta(seconds=1), attempt_used=False)


def test_a_transient_error_backs_off_until_the_attempts_run_out() -> None:
    error = DeliveryError("HTTP 503")
    assert after_failure(notice(attempts=1), error, NOW) == Retry(NOW + timedelta(seconds=5))
    assert after_failure(notice(attempts=2), error, NOW) == Retry(NOW + timedelta(seconds=10))
    assert after_failure(notice(attempts=MAX_ATTEMPTS), error, NOW) == GiveUp("HTTP 503")


def test_a_permanent_error_gives_up_at_once() -> None:
    error = DeliveryError("cannot_dm_user", permanent=True)
    assert after_failure(notice(attempts=1), error, NOW) == GiveUp("cannot_dm_user")
    assert after_failure(notice(), DeliveryError("x", dms_closed=True), NOW) == GiveUp("x")


# Tell the organizers once


def test_organizers_are_told_what_a_volunteer_missed_and_why() -> None:
    alert = failure_alert(
        notice(kind=NoticeKind.SHIFT_REMINDER), DeliveryError("gone"), NOW, what="a shift reminder"
    )
    assert alert is not None and alert.kind is NoticeKind.DELIVERY_FAILED
    assert alert.volunteer_id is None  # it goes to the organizers
    assert alert.payload == {"volunteer_id": 7, "what": "a shift reminder", "reason": "gone"}


def test_organizers_hear_nothing_about_their_own_notices_or_a_failed_mention() -> None:
    organizers = notice(kind=NoticeKind.NEW_VOLUNTEER, volunteer_id=None)
    assert failure_alert(organizers, DeliveryError("x"), NOW, what="a shift reminder") is None
    mention = notice(kind=NoticeKind.DMS_CLOSED)
    assert (
        failure_alert(mention, DeliveryError("x", dms_closed=True), NOW, what="a shift reminder")
        is None
    )
    assert closed_dms_mention(mention, DeliveryError("x", dms_closed=True), NOW) is None


def test_closed_dms_ask_for_a_mention_of_the_volunteer_other_failures_do_not() -> None:
    mention = closed_dms_mention(notice(), DeliveryError("DMs closed", dms_closed=True), NOW)
    assert mention is not None
    assert (mention.kind, mention.volunteer_id, mention.due_at) == (NoticeKind.DMS_CLOSED, 7, NOW)
    assert closed_dms_mention(notice(), DeliveryError("gone", permanent=True), NOW) is None


# Claims


def test_a_claim_is_not_used_to_send_in_its_last_moments() -> None:
    margin = lease_margin(timedelta(minutes=1))
    assert margin == timedelta(seconds=5)
    assert lease_margin(timedelta(seconds=8)) == timedelta(seconds=2)
    assert wait_allowed(timedelta(seconds=4), margin) is None
    assert wait_allowed(timedelta(seconds=9), margin) == timedelta(seconds=4)
    assert wait_allowed(timedelta(minutes=1), margin) == LONGEST_WAIT
