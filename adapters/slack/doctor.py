"""`turnout doctor` on Slack: the tokens, the scopes, the channels and the way in, each checked
with one bounded Web API call and reported as a line saying what to fix."""

from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.doctor import TIMEOUT, CheckFailed, Finding, fix, note, ok, unreachable
from adapters.slack.channels import Channels
from adapters.slack.errors import error_code
from adapters.slack.manifest import bot_scopes
from adapters.slack.platform import EVENTS_PATH
from adapters.slack.settings import SlackSettings
from adapters.web.doctor import check_public_url

AREA = "slack"
APPS = "https://api.slack.com/apps"
# What a Web API call can fail with when Slack is out of reach or answers nonsense.
_UNREACHABLE = (SlackClientError, aiohttp.ClientError, OSError, TimeoutError, ValueError)


async def check_slack(settings: SlackSettings, *, public_url: str = "") -> list[Finding]:
    """Every Slack check for these settings, in the order a person would fix them."""
    client = AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=_base(settings.slack_api_url),
        timeout=round(TIMEOUT),
        # One try each: a doctor that retries takes long to say that Slack is out of reach.
        retry_handlers=[],
    )
    findings: list[Finding] = []
    if settings.slack_oauth:
        findings.append(await _app_credentials(client, settings))
        findings.append(await _way_in(client, settings, public_url))
        return findings
    try:
        identity = await _call(client.auth_test(), settings, "SLACK_BOT_TOKEN", _BOT_TOKEN_FIX)
    except CheckFailed as refused:
        findings.append(refused.finding)
    else:
        bot = f"@{identity.get('user') or 'Turnout'}"
        findings += [
            ok(AREA, f"SLACK_BOT_TOKEN is valid (workspace {identity.get('team')}, bot {bot})"),
            _scopes(identity),
            *await _channels(client, settings, bot),
        ]
    findings.append(await _way_in(client, settings, public_url))
    return findings


_BOT_TOKEN_FIX = f"copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions at {APPS}"
_APP_TOKEN_FIX = f"make an App-Level Token with connections:write under Basic Information at {APPS}"


async def _call(call: Any, settings: SlackSettings, variable: str, remedy: str) -> Any:
    """A Web API call's answer; a refusal or no answer raises CheckFailed with the fix."""
    try:
        return await call
    except SlackApiError as error:
        code = error_code(error)
        if code in ("invalid_auth", "not_authed", "account_inactive", "token_revoked") or (
            code.startswith("not_allowed_token")
        ):
            raise CheckFailed(fix(AREA, f"Slack refused {variable} ({code}) — {remedy}")) from None
        then = (
            "add the scope the line above names and reinstall the app"
            if code == "missing_scope"
            else "try again in a minute"
        )
        said = f"Slack answered {code} to a check of {variable} — {then}"
        raise CheckFailed(fix(AREA, said), code) from None
    except _UNREACHABLE as error:
        found = unreachable(AREA, "Slack", settings.slack_api_url, error, "SLACK_API_URL")
        raise CheckFailed(found) from None


_CREDENTIALS_FIX = f"copy the Client ID and Client Secret again from Basic Information at {APPS}"


async def _app_credentials(client: AsyncWebClient, settings: SlackSettings) -> Finding:
    """SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, by exchanging a code no one was given: Slack
    says invalid_code when it knows the app and its secret, and names whichever is wrong."""
    try:
        await client.oauth_v2_access(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            code="turnout-doctor-check",
        )
    except SlackApiError as error:
        code = error_code(error)
        if code == "invalid_code":
            return ok(
                AREA,
                "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are valid: workspaces install Turnout "
                "at /slack/install",
            )
        if code in ("invalid_client_id", "bad_client_secret", "invalid_client"):
            return fix(AREA, f"Slack refused the app's credentials ({code}) — {_CREDENTIALS_FIX}")
        return fix(AREA, f"Slack answered {code} to a check of SLACK_CLIENT_ID — try again")
    except _UNREACHABLE as error:
        return unreachable(AREA, "Slack", settings.slack_api_url, error, "SLACK_API_URL")
    return fix(AREA, "Slack accepted a made-up install code — check SLACK_API_URL")


def _scopes(identity: AsyncSlackResponse) -> Finding:
    """Every scope the manifest asks for against those Slack says the token has."""
    header = next(
        (str(v) for k, v in identity.headers.items() if k.lower() == "x-oauth-scopes"), None
    )
    if header is None:
        return note(AREA, "Slack didn't say which scopes the app has, so they weren't checked")
    wanted = bot_scopes()
    missing = sorted(set(wanted) - {scope.strip() for scope in header.split(",")})
    if not missing:
        return ok(AREA, f"every scope the manifest asks for is granted ({len(wanted)})")
    which, them = ("scopes", "them") if len(missing) > 1 else ("scope", "it")
    return fix(
        AREA,
        f"the app lacks the {which} {', '.join(missing)} — add {them} under OAuth & "
        f"Permissions at {APPS} (or paste adapters/slack/manifest.yaml again), then reinstall "
        "the app to the workspace",
    )


async def _channels(client: AsyncWebClient, settings: SlackSettings, bot: str) -> list[Finding]:
    found = []
    if settings.slack_organizer_channel.strip():
        found.append(
            await _channel(client, settings, settings.slack_organizer_channel, bot, organizer=True)
        )
    else:
        found.append(
            ok(AREA, "SLACK_ORGANIZER_CHANNEL isn't set, so organizers get their alerts by DM")
        )
    if settings.slack_volunteer_channel.strip():
        found.append(await _channel(client, settings, settings.slack_volunteer_channel, bot))
    return found


async def _channel(
    client: AsyncWebClient,
    settings: SlackSettings,
    configured: str,
    bot: str,
    *,
    organizer: bool = False,
) -> Finding:
    """The configured channel is there, and the bot is in it (conversations.info)."""
    variable = "SLACK_ORGANIZER_CHANNEL" if organizer else "SLACK_VOLUNTEER_CHANNEL"
    configured = configured.strip()
    try:
        channel_id = await _call(
            Channels(client).id_of(configured), settings, variable, _BOT_TOKEN_FIX
        )
        if channel_id is None:
            return fix(
                AREA,
                f"no channel {configured} is visible to the bot — check {variable}, and for a "
                f"private channel type /invite {bot} in it",
            )
        info = await _call(
            client.conversations_info(channel=channel_id), settings, variable, _BOT_TOKEN_FIX
        )
    except CheckFailed as refused:
        if refused.code != "channel_not_found":
            return refused.finding
        return fix(
            AREA,
            f"the bot can't see the channel {configured} ({variable}) — check the ID, and for "
            f"a private channel type /invite {bot} in it",
        )
    name = f"#{info['channel'].get('name') or configured.removeprefix('#')}"
    if not info["channel"].get("is_member"):
        return fix(
            AREA, f"the bot is not in {name} ({variable}) — invite it: type /invite {bot} in {name}"
        )
    return ok(AREA, f"the bot is in {name} ({variable})")


async def _way_in(client: AsyncWebClient, settings: SlackSettings, public_url: str) -> Finding:
    """Socket Mode: the app token opens a connection. HTTP mode: Turnout answers at its
    public address, where Slack posts."""
    if settings.slack_app_token:
        call = client.apps_connections_open(app_token=settings.slack_app_token)
        try:
            await _call(call, settings, "SLACK_APP_TOKEN", _APP_TOKEN_FIX)
        except CheckFailed as refused:
            return refused.finding
        return ok(AREA, "SLACK_APP_TOKEN is valid (Socket Mode)")
    if not public_url:
        return note(
            AREA,
            "HTTP mode; set TURNOUT_PUBLIC_URL to the address Slack posts to, and this checks "
            "that Turnout answers there",
        )
    return await check_public_url(
        AREA,
        public_url,
        answered=f"Slack can reach {public_url.rstrip('/')}{EVENTS_PATH} (HTTP mode)",
        who="Slack",
    )


def _base(api_url: str) -> str:
    return api_url if api_url.endswith("/") else api_url + "/"
