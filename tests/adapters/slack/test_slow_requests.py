"""HTTP mode under a slow-body flood: each slow or half-sent request is cut off after a few
seconds, the connections it may hold are capped, Slack's real requests are still answered,
and an aborted request costs one short log line, never a traceback."""

import asyncio
import logging
import time

import pytest

from adapters.web.serving import BODY_SECONDS
from tests.adapters.slack.conftest import Rig

SLOW = 50


async def slow_body(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A connection that promises 5,000 bytes of body and sends two."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nab"
    )
    await writer.drain()
    return reader, writer


async def closed_after(reader: asyncio.StreamReader, limit: float) -> float:
    """Seconds until the server closes the connection (whatever it answers first)."""
    started = time.perf_counter()
    while await asyncio.wait_for(reader.read(4096), limit):
        pass
    return time.perf_counter() - started


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


async def test_slow_bodies_are_cut_off_while_slack_is_still_answered(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert rig.platform.port is not None
    slow = [await slow_body(rig.platform.port) for _ in range(SLOW)]

    answer = await rig.post(rig.command_body("/phonebank list"))
    waits = await asyncio.gather(*(closed_after(r, BODY_SECONDS + 5) for r, _ in slow))

    assert answer.status == 200, f"a signed request during the flood got {answer.status}"
    assert max(waits) <= BODY_SECONDS + 2, (
        f"{SLOW} slow bodies were closed after {min(waits):.1f}-{max(waits):.1f} s"
    )
    for _, writer in slow:
        writer.close()
    assert not tracebacks(caplog), [r.getMessage() for r in tracebacks(caplog)]


async def test_aborted_requests_log_one_short_line_without_a_traceback(
    rig: Rig, repeats_said_once: pytest.LogCaptureFixture
) -> None:
    caplog = repeats_said_once
    caplog.set_level(logging.DEBUG)
    assert rig.platform.port is not None
    for _ in range(40):
        _, writer = await slow_body(rig.platform.port)
        writer.close()
        await writer.wait_closed()
    await asyncio.sleep(0.5)

    answer = await rig.post(rig.command_body("/phonebank list"))

    assert answer.status == 200
    assert not tracebacks(caplog), f"{len(tracebacks(caplog))} tracebacks for 40 aborts"
    said = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert 1 <= len(said) <= 3, f"40 aborted requests logged {len(said)} lines: {caplog.text}"
    logged = sum(len(r.getMessage()) for r in said)
    assert logged < 500, f"40 aborted requests logged {logged} bytes"


@pytest.mark.parametrize("slack_options", [{"max_connections": 10}], indirect=True)
async def test_connections_past_the_cap_are_closed_at_once(rig: Rig) -> None:
    assert rig.platform.port is not None
    slow = [await slow_body(rig.platform.port) for _ in range(15)]

    waits = await asyncio.gather(*(closed_after(r, BODY_SECONDS + 5) for r, _ in slow))

    quick = [w for w in waits if w < BODY_SECONDS / 2]
    assert len(quick) >= 5, f"past a cap of 10, closed at once: {len(quick)} of 15 ({waits})"
    answer = await rig.post(rig.command_body("/phonebank list"))
    assert answer.status == 200, "once the slow ones are cut off, Slack is answered again"
    for _, writer in slow:
        writer.close()
