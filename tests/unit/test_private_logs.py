"""No log line at any level, ours or a library's, names a person or quotes what they wrote."""

import logging
from collections.abc import Iterator

import pytest

from bot.app import redaction
from bot.volunteers.forms import ONBOARDING
from tests.conftest import Harness
from tests.unit.test_attendance import joined
from tests.unit.test_debrief import TO_DEBRIEF
from tests.unit.test_welcome import arrive

NAME, ZIP, NOTE = "Quintessa", "60614", "Bartholomew on Elm said yes"


@pytest.fixture(params=["debug", "sql echo"])
def debug_logs(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[pytest.LogCaptureFixture]:
    """Every logger at DEBUG, as `TURNOUT_LOG_LEVEL=DEBUG` sets the root; with "sql echo" the
    SQL statements too, as an operator turning on SQLAlchemy's echo would."""
    caplog.set_level(logging.DEBUG)
    engine = logging.getLogger("sqlalchemy.engine")
    before = engine.level
    if request.param == "sql echo":
        engine.setLevel(logging.INFO)
    redaction.install()  # as `turnout run` does, on the root handlers (caplog's among them)
    yield caplog
    engine.setLevel(before)


async def test_a_journey_logs_no_name_zip_or_note_at_debug(
    harness: Harness, debug_logs: pytest.LogCaptureFixture
) -> None:
    await arrive(harness, NAME)
    await harness.submit(
        NAME, ONBOARDING, interests=("texting",), availability="weekends", location=ZIP
    )
    await joined(harness, NAME)
    await harness.advance(TO_DEBRIEF)
    assert "Thank" in await harness.say(NAME, f"/phonebank debrief 1 25 5 {NOTE}")
    assert "erased" in await harness.say(NAME, "/volunteer forget-me confirm")

    assert debug_logs.records  # the lines are there ...
    logged = [f"{r.name}: {r.getMessage()} {r.exc_text or ''}" for r in debug_logs.records]
    # ... and none of them names the person or quotes them.
    assert [line for line in logged if NAME in line or ZIP in line or "Bartholomew" in line] == []
