"""Whether Turnout answers at its public address, as Slack and calendar apps must reach it."""

import json

import aiohttp

from adapters.doctor import TIMEOUT, Finding, fix, ok
from adapters.web.health import HEALTH_PATH


async def check_public_url(area: str, public_url: str, *, answered: str, who: str) -> Finding:
    """GET `public_url`/healthz: ok when Turnout answers there (`answered` says what that
    means), else a FIX naming what `who` can't reach and what to do."""
    url = public_url.rstrip("/") + HEALTH_PATH
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as session,
            session.get(url, allow_redirects=True) as response,
        ):
            status, text = response.status, await response.text()
    except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as error:
        reason = str(error) or type(error).__name__
        return fix(
            area,
            f"nothing answers at {url} ({reason}), so {who} can't reach Turnout — start "
            f"`turnout run` and make sure {public_url} reaches TURNOUT_HTTP_PORT",
        )
    body = _json(text)
    if not isinstance(body, dict) or "ok" not in body:
        return fix(
            area,
            f"something other than Turnout answers at {url} (HTTP {status}) — make sure "
            f"{public_url} reaches TURNOUT_HTTP_PORT, where `turnout run` listens",
        )
    if status != 200:
        down = ", ".join(_down(body)) or "a part of it"
        return fix(
            area,
            f"Turnout answers at {url} but says {down} is down — see the log of `turnout run` "
            "and restart it",
        )
    return ok(area, f"Turnout answers at {url}, so {answered}")


async def check_feeds(public_url: str) -> Finding:
    """Calendar apps can fetch the private feeds under TURNOUT_PUBLIC_URL."""
    return await check_public_url(
        "calendars", public_url, answered="calendar apps can fetch feeds", who="calendar apps"
    )


def _down(report: dict[str, object]) -> list[str]:
    """The parts a /healthz report names as down (bot/app/ops.py writes it)."""
    parts = [] if report.get("database") == "up" else ["the database"]
    platforms = report.get("platforms")
    if isinstance(platforms, dict):
        parts += sorted(name for name, state in platforms.items() if state != "up")
    return parts


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None
