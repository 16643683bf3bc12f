"""What /metrics shows operators: commands by name and outcome, notices by kind and outcome,
how late notices go out, how many wait, and the database's answer times; never a person."""

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from bot.app.bootstrap import bootstrap
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from bot.domain.campaign import CampaignDefaults
from bot.ports.messenger import DeliveryError
from storage import SqlStorage
from tests.conftest import Harness
from tests.fakes import RecordingMessenger, frozen_clock

ROOT = Path(__file__).resolve().parents[2]
CREATE = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12'
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


@pytest.fixture
async def counted(storage: SqlStorage) -> AsyncIterator[tuple[Harness, Ops]]:
    metrics = PrometheusMetrics(CollectorRegistry())
    messenger = RecordingMessenger()
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
        metrics=metrics,
    )
    ops = Ops(storage=storage, clock=clock, metrics=metrics, platforms={})
    yield Harness(bot, messenger, clock, storage), ops
    await bot.wakeups.stop()


async def scraped(ops: Ops) -> Samples:
    """Every sample /metrics shows, by name and labels."""
    text = (await ops.scrape()).decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def command(samples: Samples, name: str, outcome: str) -> float:
    return samples.get(("turnout_commands_total", (("command", name), ("outcome", outcome))), 0.0)


async def test_commands_are_counted_by_name_and_outcome(counted: tuple[Harness, Ops]) -> None:
    h, ops = counted
    await h.say("Olivia", CREATE)
    await h.say("Maria", "/phonebank join 1")
    # Already in, and no such shift: each refused with a sentence.
    await h.say("Maria", "/phonebank join 1")
    await h.say("Maria", "/phonebank join 99")
    # Mistyped, and a button from a message Turnout never sent: no command to name.
    await h.say("Maria", "/phonebank jion 1")
    await h.press("Maria", "turnout:nonsense:1")

    samples = await scraped(ops)

    assert command(samples, "CreateShift", "ok") == 1
    assert command(samples, "JoinShift", "ok") == 1
    assert command(samples, "JoinShift", "refused") == 2
    assert command(samples, "JoinShift", "error") == 0
    assert command(samples, "unreadable", "refused") == 2


async def test_sent_retried_and_failed_notices_are_counted_by_kind_with_their_lag(
    counted: tuple[Harness, Ops],
) -> None:
    h, ops = counted
    await h.arrive("Maria")
    h.messenger.failures["vera"] = DeliveryError("HTTP 503")
    h.messenger.failures["nell"] = DeliveryError("user gone", permanent=True)
    await h.arrive("Vera")
    await h.arrive("Nell")

    samples = await scraped(ops)

    def notices(outcome: str) -> float:
        return samples.get(
            ("turnout_notices_total", (("kind", "welcome"), ("outcome", outcome))), 0.0
        )

    assert (notices("sent"), notices("retried"), notices("failed")) == (1, 1, 1)
    sent = sum(
        value
        for (name, labels), value in samples.items()
        if name == "turnout_notices_total" and ("outcome", "sent") in labels
    )
    assert samples[("turnout_notice_lag_seconds_count", ())] == sent
    # Sent the moment it fell due (the clock is frozen).
    assert samples[("turnout_notice_lag_seconds_sum", ())] == 0


async def test_notices_waiting_past_their_due_time_are_the_queue_depth(
    counted: tuple[Harness, Ops],
) -> None:
    h, ops = counted
    await h.say("Olivia", CREATE)
    await h.say("Maria", "/phonebank join 1")
    assert (await scraped(ops))[("turnout_notices_due", ())] == 0

    # Weeks later, its reminders (and what follows the shift) have fallen due, unsent.
    h.clock.advance(timedelta(days=60))
    depth = (await scraped(ops))[("turnout_notices_due", ())]
    report = await h.deliver()

    assert depth >= 2
    assert depth == report.sent + report.dropped + report.failed + report.retried
    assert (await scraped(ops))[("turnout_notices_due", ())] == 0


async def test_the_health_check_times_the_database(counted: tuple[Harness, Ops]) -> None:
    _, ops = counted

    healthy, report = await ops.health()

    assert healthy and report == {"ok": True, "database": "up", "platforms": {}}
    assert (await scraped(ops))[("turnout_database_seconds_count", ())] == 1


async def test_labels_name_commands_kinds_outcomes_and_platforms_only(
    counted: tuple[Harness, Ops],
) -> None:
    h, ops = counted
    await h.say("Olivia", CREATE)
    await h.say("Maria", "/phonebank join 1")
    await h.arrive("Vera")

    labels = {name for _, pairs in await scraped(ops) for name, _ in pairs}

    assert labels <= {"command", "kind", "outcome", "platform", "le"}


async def test_the_operations_page_describes_every_metric(counted: tuple[Harness, Ops]) -> None:
    _, ops = counted
    text = (await ops.scrape()).decode()
    names = {
        family.name
        for family in text_string_to_metric_families(text)
        # When each series began: Prometheus's own, read along with the metric.
        if not family.name.endswith("_created")
    }
    page = (ROOT / "docs" / "operations.md").read_text()
    section = page.split("\n## Health and metrics\n", 1)[1].split("\n## ", 1)[0]

    described = set(re.findall(r"`(turnout_[a-z_]+)", section))

    assert {n for n in names if n.startswith("turnout_")} <= {
        d.removesuffix("_total") for d in described
    }
