"""`turnout doctor` on Slack: each check against the fake Slack, and the fix it names."""

from typing import Any

from adapters.slack.doctor import check_slack
from adapters.slack.settings import SlackSettings
from tests.adapters.conftest import Site, fixes, lines
from tests.adapters.slack.conftest import ORGANIZER_CHANNEL, SECRET, VOLUNTEER_CHANNEL
from tests.adapters.slack.fake_slack import (
    APP_TOKEN,
    BOT_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    FakeSlack,
)


def settings_for(fake: FakeSlack, **changed: Any) -> SlackSettings:
    values: dict[str, Any] = {
        "slack_bot_token": BOT_TOKEN,
        "slack_app_token": APP_TOKEN,
        "slack_signing_secret": "",
        "slack_api_url": fake.api_url,
        "slack_organizer_channel": "#organizers",
        "slack_volunteer_channel": VOLUNTEER_CHANNEL,
    }
    return SlackSettings(**(values | changed))


async def test_a_healthy_socket_mode_set_up_is_all_ok(fake_slack: FakeSlack) -> None:
    found = await check_slack(settings_for(fake_slack))
    assert fixes(found) == []
    assert lines(found) == [
        "ok   slack: SLACK_BOT_TOKEN is valid (workspace Turnout Test, bot @turnout)",
        f"ok   slack: every scope the manifest asks for is granted ({len(fake_slack.scopes)})",
        "ok   slack: the bot is in #organizers (SLACK_ORGANIZER_CHANNEL)",
        "ok   slack: the bot is in #volunteers (SLACK_VOLUNTEER_CHANNEL)",
        "ok   slack: SLACK_APP_TOKEN is valid (Socket Mode)",
    ]


async def test_a_scope_missing_says_which_and_to_reinstall(fake_slack: FakeSlack) -> None:
    fake_slack.scopes.remove("im:history")
    fake_slack.scopes.remove("files:write")
    found = await check_slack(settings_for(fake_slack))
    assert fixes(found) == [
        "FIX  slack: the app lacks the scopes files:write, im:history — add them under OAuth "
        "& Permissions at https://api.slack.com/apps (or paste adapters/slack/manifest.yaml "
        "again), then reinstall the app to the workspace"
    ]


async def test_the_bot_not_in_the_organizer_channel_is_told_to_be_invited(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.outside.add(ORGANIZER_CHANNEL)
    found = await check_slack(settings_for(fake_slack, slack_organizer_channel=ORGANIZER_CHANNEL))
    assert fixes(found) == [
        "FIX  slack: the bot is not in #organizers (SLACK_ORGANIZER_CHANNEL) — invite it: type "
        "/invite @turnout in #organizers"
    ]


async def test_a_channel_the_bot_cannot_find_names_the_setting(fake_slack: FakeSlack) -> None:
    found = await check_slack(settings_for(fake_slack, slack_volunteer_channel="#volunters"))
    assert fixes(found) == [
        "FIX  slack: no channel #volunters is visible to the bot — check "
        "SLACK_VOLUNTEER_CHANNEL, and for a private channel type /invite @turnout in it"
    ]


async def test_a_refused_bot_token_says_where_to_copy_it_and_stops_there(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.fail("auth.test", "invalid_auth")
    found = await check_slack(settings_for(fake_slack))
    assert lines(found) == [
        "FIX  slack: Slack refused SLACK_BOT_TOKEN (invalid_auth) — copy the Bot User OAuth "
        "Token (xoxb-…) again from OAuth & Permissions at https://api.slack.com/apps",
        "ok   slack: SLACK_APP_TOKEN is valid (Socket Mode)",
    ]
    assert BOT_TOKEN not in "".join(lines(found))


async def test_a_refused_app_token_says_how_to_make_one(fake_slack: FakeSlack) -> None:
    fake_slack.fail("apps.connections.open", "invalid_auth")
    found = await check_slack(settings_for(fake_slack))
    assert fixes(found) == [
        "FIX  slack: Slack refused SLACK_APP_TOKEN (invalid_auth) — make an App-Level Token "
        "with connections:write under Basic Information at https://api.slack.com/apps"
    ]


async def test_slack_out_of_reach_is_a_finding_not_a_traceback() -> None:
    unreachable = FakeSlack()
    await unreachable.start()
    api_url = unreachable.api_url
    await unreachable.stop()
    found = await check_slack(settings_for(unreachable, slack_api_url=api_url))
    assert [f.state for f in found] == ["FIX", "FIX"]
    assert found[0].text.startswith(f"can't reach Slack at {api_url} (")
    assert found[0].text.endswith("— check your network or SLACK_API_URL")


async def test_slack_that_never_answers_is_given_up_on_and_said(fake_slack: FakeSlack) -> None:
    fake_slack.fail("auth.test", "held", hold=60)
    try:
        (token, _) = await check_slack(settings_for(fake_slack))
    finally:
        for failure in fake_slack.failures:
            failure.released.set()
    assert token.line() == (
        f"FIX  slack: can't reach Slack at {fake_slack.api_url} (TimeoutError) — check your "
        "network or SLACK_API_URL"
    )


async def test_http_mode_checks_the_public_address_answers(
    fake_slack: FakeSlack, turnout_site: Site
) -> None:
    site = turnout_site.url
    http_mode = settings_for(fake_slack, slack_app_token="", slack_signing_secret=SECRET)
    found = await check_slack(http_mode, public_url=site)
    assert fixes(found) == []
    assert lines(found)[-1] == (
        f"ok   slack: Turnout answers at {site}/healthz, so Slack can reach "
        f"{site}/slack/events (HTTP mode)"
    )


async def test_http_mode_with_nothing_answering_says_to_start_it_and_check_the_proxy(
    fake_slack: FakeSlack,
) -> None:
    nobody = "http://127.0.0.1:9"
    http_mode = settings_for(fake_slack, slack_app_token="", slack_signing_secret=SECRET)
    (*_, last) = await check_slack(http_mode, public_url=nobody)
    assert last.wrong
    assert last.text.startswith(f"nothing answers at {nobody}/healthz (")
    assert last.text.endswith(
        "), so Slack can't reach Turnout — start `turnout run` and make sure "
        f"{nobody} reaches TURNOUT_HTTP_PORT"
    )


async def test_http_mode_without_a_public_address_says_what_was_not_checked(
    fake_slack: FakeSlack,
) -> None:
    http_mode = settings_for(fake_slack, slack_app_token="", slack_signing_secret=SECRET)
    (*_, last) = await check_slack(http_mode)
    assert last.line() == (
        "note slack: HTTP mode; set TURNOUT_PUBLIC_URL to the address Slack posts to, and "
        "this checks that Turnout answers there"
    )


def oauth_settings(fake: FakeSlack, **changed: Any) -> SlackSettings:
    oauth: dict[str, Any] = {
        "slack_bot_token": "",
        "slack_app_token": "",
        "slack_signing_secret": SECRET,
        "slack_client_id": CLIENT_ID,
        "slack_client_secret": CLIENT_SECRET,
    }
    return settings_for(fake, **(oauth | changed))


async def test_many_workspaces_check_the_app_s_credentials(fake_slack: FakeSlack) -> None:
    found = await check_slack(oauth_settings(fake_slack))
    assert fixes(found) == []
    assert lines(found)[0] == (
        "ok   slack: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are valid: workspaces install "
        "Turnout at /slack/install"
    )


async def test_a_wrong_client_secret_says_where_to_copy_it(fake_slack: FakeSlack) -> None:
    found = await check_slack(oauth_settings(fake_slack, slack_client_secret="wrong"))
    assert fixes(found) == [
        "FIX  slack: Slack refused the app's credentials (bad_client_secret) — copy the Client "
        "ID and Client Secret again from Basic Information at https://api.slack.com/apps"
    ]
