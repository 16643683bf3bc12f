"""What Slack tells /healthz and /metrics: whether it is connected, and each 429 it answers."""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from adapters.slack import SlackPlatform
from bot.app.bootstrap import bootstrap
from bot.app.metrics import PrometheusMetrics
from bot.domain.campaign import CampaignDefaults
from storage import SqlStorage
from tests.adapters.slack.conftest import VERA, Rig, platform_for
from tests.adapters.slack.fake_slack import APP_TOKEN, FakeSlack
from tests.fakes import frozen_clock


def rate_limited(metrics: PrometheusMetrics) -> float | None:
    return metrics.registry.get_sample_value(
        "turnout_platform_rate_limited_total", {"platform": "slack"}
    )


@pytest.fixture
def counted() -> PrometheusMetrics:
    return PrometheusMetrics(CollectorRegistry())


@pytest.fixture
def slack_options(counted: PrometheusMetrics) -> dict[str, Any]:
    """The rig's platform counts into `counted`."""
    return {"metrics": counted}


@pytest.fixture
async def socket_mode(storage: SqlStorage, fake_slack: FakeSlack) -> AsyncIterator[SlackPlatform]:
    platform = platform_for(fake_slack, app_token=APP_TOKEN, signing_secret="")
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=frozen_clock(),
        defaults=CampaignDefaults(),
    )
    await platform.start(bot.turnout)
    yield platform
    await platform.stop()
    await bot.wakeups.stop()


async def test_socket_mode_is_up_while_its_websocket_is_connected_and_down_once_closed(
    socket_mode: SlackPlatform, fake_slack: FakeSlack
) -> None:
    await fake_slack.wait_for_socket()
    connected = await socket_mode.problem()

    await socket_mode.stop()

    assert connected is None
    assert await socket_mode.problem() == "Socket Mode is not connected"


async def test_http_mode_is_up_while_its_server_listens(rig: Rig) -> None:
    assert await rig.platform.problem() is None

    await rig.platform.stop()

    assert await rig.platform.problem() == "the HTTP mode server is not listening"


async def test_each_429_is_counted_whether_an_answer_or_a_notice_met_it(
    rig: Rig, counted: PrometheusMetrics
) -> None:
    # An answer to a person (retried on the spot by slack_sdk)...
    rig.fake.fail("chat.postEphemeral", "ratelimited", status=429, retry_after=1)
    await rig.command("/phonebank list")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    answered = rate_limited(counted)
    # ...and a notice (handed back to the dispatcher, which waits durably).
    rig.fake.fail("chat.postMessage", "ratelimited", status=429, retry_after=30)
    await rig.command("/volunteer tz Europe/Berlin")
    await rig.listeners_finished()
    report = await rig.deliver()

    assert answered == 1
    assert report.retried >= 1
    assert rate_limited(counted) == 2
