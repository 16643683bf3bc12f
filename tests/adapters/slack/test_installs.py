"""Many Slack workspaces in one process, installed through slack-bolt's real OAuth flow against
the fake Slack: each workspace is its own team and campaign, answered and reminded with its
own token; an uninstalled workspace is sent nothing more; expiring tokens are refreshed."""

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest

from bot.app import redaction
from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Message
from storage import SqlStorage
from tests.adapters.slack.conftest import Rig, record_listener_runs
from tests.adapters.slack.fake_slack import CLIENT_SECRET, Call, FakeSlack
from tests.adapters.slack.test_delivery import TOMORROW
from tests.adapters.slack.workspaces import (
    install,
    oauth_platform,
    press_in,
    reminders_to,
    say,
)
from tests.fakes import frozen_clock

COUNTY_A, COUNTY_B = "T0COUNTYA", "T0COUNTYB"
# Installers (organizers of their workspace), and a volunteer in each.
ANNA, BEN = ("U0ANNA", "anna"), ("U0BEN", "ben")
VAL, VIC = ("U0VAL", "val"), ("U0VIC", "vic")


@pytest.fixture
async def installed(storage: SqlStorage, fake_slack: FakeSlack) -> AsyncIterator[Rig]:
    """Turnout in OAuth mode (no bot token), nothing installed yet."""
    for user, team in ((ANNA, COUNTY_A), (VAL, COUNTY_A), (BEN, COUNTY_B), (VIC, COUNTY_B)):
        fake_slack.add_user(user[0], user[1], team_id=team)
    platform = oauth_platform(fake_slack)
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    await platform.start(bot.turnout)
    runs: list[asyncio.Task[Any]] = []
    try:
        with record_listener_runs(runs):
            async with aiohttp.ClientSession() as http:
                yield Rig(fake_slack, platform, bot, clock, http, runs)
    finally:
        await platform.stop()
        await bot.wakeups.stop()


async def as_organizer(rig: Rig, team: str, who: tuple[str, str], line: str) -> None:
    command, _, text = line.partition(" ")
    actor = Actor(Identity("slack", team, who[0]), who[1], True, team.lower())
    await rig.bot.turnout.run_slash(actor, command, text)


def tokens_of(rig: Rig, method: str, **matching: Any) -> set[str | None]:
    return {rig.fake.team_of(call) for call in rig.fake.calls_to(method, **matching)}


async def both_counties_with_a_shift_tomorrow(rig: Rig) -> None:
    await install(rig, COUNTY_A, "County A", ANNA)
    await install(rig, COUNTY_B, "County B", BEN)
    for team, organizer, volunteer in ((COUNTY_A, ANNA, VAL), (COUNTY_B, BEN, VIC)):
        await as_organizer(rig, team, organizer, TOMORROW)
        answer = await say(rig, team, "/phonebank join 1", volunteer)
        assert "You're in" in answer.text or "you're in" in answer.text.lower(), answer.text
    await rig.bot.dispatcher.deliver_due()  # the welcomes


async def test_installing_keeps_the_workspace_s_tokens_and_its_installer(installed: Rig) -> None:
    page = await install(installed, COUNTY_A, "County A", ANNA)
    assert "Thank you" in page or "success" in page.lower(), page
    async with installed.bot.turnout.storage.unit_of_work() as uow:
        kept = await uow.installations.find("slack", COUNTY_A)
    assert kept is not None and kept.installer == ANNA[0] and kept.team_name == "County A"
    assert installed.fake.team_of(Call("x", {}, kept.bot_token)) == COUNTY_A


async def test_a_redirect_without_its_browser_s_state_installs_nothing(installed: Rig) -> None:
    code = installed.fake.install_code(COUNTY_A, "County A", ANNA[0])
    base = f"http://127.0.0.1:{installed.platform.port}"
    async with installed.http.get(
        f"{base}/slack/oauth_redirect", params={"code": code, "state": "forged"}
    ) as answer:
        assert answer.status == 400
    async with installed.bot.turnout.storage.unit_of_work() as uow:
        assert await uow.installations.find("slack", COUNTY_A) is None


async def test_two_workspaces_are_each_answered_and_reminded_with_their_own_token(
    installed: Rig,
) -> None:
    await both_counties_with_a_shift_tomorrow(installed)
    # Profiles and organizer checks were asked with the workspace's own token.
    assert tokens_of(installed, "users.info", user=VAL[0]) == {COUNTY_A}
    assert tokens_of(installed, "users.info", user=VIC[0]) == {COUNTY_B}
    # auth.test once at the install and once when authorizing, not before each request.
    checks = [str(installed.fake.team_of(c)) for c in installed.fake.calls_to("auth.test")]
    assert sorted(checks) == [COUNTY_A, COUNTY_A, COUNTY_B, COUNTY_B], checks
    installed.clock.advance(timedelta(hours=10))
    await installed.bot.dispatcher.deliver_due()
    [to_val], [to_vic] = reminders_to(installed, VAL), reminders_to(installed, VIC)
    assert installed.fake.team_of(to_val) == COUNTY_A
    assert installed.fake.team_of(to_vic) == COUNTY_B


async def test_an_uninstalled_workspace_is_sent_nothing_more_and_the_other_still_is(
    installed: Rig,
) -> None:
    await both_counties_with_a_shift_tomorrow(installed)
    answered = await installed.event(installed.fake.uninstall(COUNTY_A))
    assert answered.status == 200
    await installed.listeners_finished()
    async with installed.bot.turnout.storage.unit_of_work() as uow:
        assert await uow.installations.teams("slack") == [COUNTY_B]
    installed.clock.advance(timedelta(hours=10))
    report = await installed.bot.dispatcher.deliver_due()
    assert reminders_to(installed, VAL) == []
    assert len(reminders_to(installed, VIC)) == 1
    # Failed for good, not retried forever.
    assert report.failed >= 1 and report.retried == 0
    installed.clock.advance(timedelta(hours=1))
    await installed.bot.dispatcher.deliver_due()
    assert reminders_to(installed, VAL) == []


async def test_revoked_tokens_are_deleted_too(installed: Rig) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await installed.event(installed.fake.revoke(COUNTY_A))
    await installed.listeners_finished()
    async with installed.bot.turnout.storage.unit_of_work() as uow:
        assert await uow.installations.find("slack", COUNTY_A) is None


async def test_a_reminder_due_after_the_token_expired_is_sent_with_a_refreshed_one(
    installed: Rig,
) -> None:
    installed.fake.token_lifetime = 2
    await both_counties_with_a_shift_tomorrow(installed)
    first = {c.token for c in installed.fake.calls_to("chat.postMessage")}
    await asyncio.sleep(2.1)  # the access tokens have expired by now
    installed.clock.advance(timedelta(hours=10))
    since = len(installed.fake.calls)
    await installed.bot.dispatcher.deliver_due()
    [to_val] = reminders_to(installed, VAL)
    assert to_val.token not in first
    assert installed.fake.team_of(to_val) == COUNTY_A
    refreshes = installed.fake.calls_to("oauth.v2.access", grant_type="refresh_token")
    assert refreshes, "refreshed through oauth.v2.access"
    # No call went out with an expired token first.
    assert not [c for c in installed.fake.calls[since:] if c.token in first]


async def test_a_command_from_one_workspace_acts_on_its_own_campaign_only(installed: Rig) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await install(installed, COUNTY_B, "County B", BEN)
    await as_organizer(installed, COUNTY_A, ANNA, TOMORROW)
    # Shift 1 is County A's; in County B there is none.
    answer = await say(installed, COUNTY_B, "/phonebank join 1", VIC)
    assert "#1" in answer.text and "you're in" not in answer.text.lower(), answer.text
    roster_a = await say(installed, COUNTY_A, "/phonebank roster 1", ANNA)
    assert roster_a.text.startswith("Nobody has signed up yet"), roster_a.text


async def test_the_installer_is_an_organizer_a_volunteer_is_not(installed: Rig) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    refused = await say(installed, COUNTY_A, TOMORROW, VAL)
    assert "Only organizers" in refused.text and "installed Turnout" in refused.text
    created = await say(installed, COUNTY_A, TOMORROW, ANNA)
    assert "Only organizers" not in created.text, created.text


async def test_no_token_reaches_the_logs(installed: Rig, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    redaction.install()  # as `turnout run` does, on the root handlers (caplog's among them)
    installed.fake.token_lifetime = 3600
    await both_counties_with_a_shift_tomorrow(installed)
    issued = [*installed.fake.workspaces_by_token, *installed.fake.refresh_tokens]
    assert issued
    logged = caplog.text
    assert not [token for token in issued if token in logged]
    assert CLIENT_SECRET not in logged


async def test_a_late_answer_after_a_restart_goes_with_its_workspace_s_token(
    installed: Rig,
) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await install(installed, COUNTY_B, "County B", BEN)
    who = Identity("slack", COUNTY_B, VIC[0])
    actor = await installed.platform.replayer.actor(who, {})
    assert actor is not None and not actor.is_organizer
    await installed.platform.replayer.answer(who, {}, Message("Done: you're on #1."))
    [posted] = installed.fake.calls_to("chat.postMessage")
    assert installed.fake.team_of(posted) == COUNTY_B


async def test_a_crafted_button_from_one_workspace_changes_nothing_in_another(
    installed: Rig,
) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await install(installed, COUNTY_B, "County B", BEN)
    await as_organizer(installed, COUNTY_A, ANNA, TOMORROW)
    join = {"type": "plain_text", "text": "Join"}
    crafted = {"action_id": "turnout:join:1", "value": "turnout:join:1", "text": join}
    answered = await installed.post(press_in(installed, COUNTY_B, crafted, VIC))
    assert answered.status == 200
    await installed.listeners_finished()
    roster = await say(installed, COUNTY_A, "/phonebank roster 1", ANNA)
    assert roster.text.startswith("Nobody has signed up yet"), roster.text


async def test_a_workspace_is_named_as_in_slack_not_by_its_web_address(installed: Rig) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    # The slash command's team_domain is the workspace's address (t0countya.slack.com).
    await say(installed, COUNTY_A, "/phonebank list", VAL)
    async with installed.bot.storage.unit_of_work() as uow:
        team = await uow.campaigns.team("slack", COUNTY_A)
        assert team is not None
        campaign = await uow.campaigns.get(team.campaign_id)
    assert (team.name, campaign.name) == ("County A", "County A")


async def test_organizers_of_an_uninstalled_workspace_are_out_of_reach_for_good(
    installed: Rig,
) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await say(installed, COUNTY_A, "/phonebank list", VAL)
    async with installed.bot.storage.unit_of_work() as uow:
        team = await uow.campaigns.team("slack", COUNTY_A)
    assert team is not None
    await installed.event(installed.fake.uninstall(COUNTY_A))
    await installed.listeners_finished()
    with pytest.raises(DeliveryError) as raised:
        await installed.platform.messenger.post_to_organizers(team, Message("New volunteer"))
    assert raised.value.permanent
    assert raised.value.reason.startswith("Turnout was removed from that Slack workspace")
