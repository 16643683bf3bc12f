"""`turnout doctor`'s look at TURNOUT_PUBLIC_URL: Turnout must be what answers there."""

from adapters.web.doctor import check_feeds
from tests.adapters.conftest import Site


async def test_turnout_answering_is_ok(turnout_site: Site) -> None:
    found = await check_feeds(turnout_site.url + "/")
    assert found.line() == (
        f"ok   calendars: Turnout answers at {turnout_site.url}/healthz, so calendar apps can "
        "fetch feeds"
    )


async def test_a_platform_that_stopped_is_named(turnout_site: Site) -> None:
    turnout_site.down["discord"] = "Discord refused DISCORD_TOKEN"
    found = await check_feeds(turnout_site.url)
    assert found.line() == (
        f"FIX  calendars: Turnout answers at {turnout_site.url}/healthz but says discord "
        "is down — see the log of `turnout run` and restart it"
    )


async def test_another_server_answering_is_not_taken_for_turnout(turnout_site: Site) -> None:
    turnout_site.foreign = True
    found = await check_feeds(turnout_site.url)
    assert found.line() == (
        f"FIX  calendars: something other than Turnout answers at {turnout_site.url}/healthz "
        f"(HTTP 200) — make sure {turnout_site.url} reaches TURNOUT_HTTP_PORT, where "
        "`turnout run` listens"
    )


async def test_nothing_answering_says_to_start_turnout_and_check_the_proxy() -> None:
    found = await check_feeds("http://127.0.0.1:9")
    assert found.wrong
    assert found.text.startswith("nothing answers at http://127.0.0.1:9/healthz (")
    assert found.text.endswith(
        "so calendar apps can't reach Turnout — start `turnout run` and make sure "
        "http://127.0.0.1:9 reaches TURNOUT_HTTP_PORT"
    )
