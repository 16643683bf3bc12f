"""Wire the core: one place that puts storage, messengers, clock and scheduler together."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot import catalogue
from bot.app.messengers import PlatformMessengers
from bot.app.scheduler import Wakeups
from bot.app.turnout import Turnout
from bot.calendars.feed_links import FeedLinks
from bot.desk import DeskLinks
from bot.domain.campaign import CampaignDefaults
from bot.kernel.intake.docs import Docs
from bot.kernel.outbox.dispatcher import Dispatcher
from bot.ports.clock import Clock
from bot.ports.messenger import Messenger
from bot.ports.metrics import Metrics
from bot.ports.storage import Storage


@dataclass(frozen=True, slots=True)
class Bot:
    turnout: Turnout
    dispatcher: Dispatcher
    wakeups: Wakeups
    storage: Storage
    clock: Clock


def bootstrap(
    *,
    storage: Storage,
    messengers: Sequence[Messenger],
    clock: Clock,
    defaults: CampaignDefaults,
    lease: timedelta = timedelta(minutes=1),
    feeds: FeedLinks | None = None,
    metrics: Metrics | None = None,
    desk: DeskLinks | None = None,
    docs: Docs | None = None,
) -> Bot:
    """Build the core around real or fake parts; nothing starts until `wakeups.start()`.
    `metrics` counts commands and notices for operators (nothing is counted without it);
    `docs`, where help's pointers lead (unpublished: the docs/ folder)."""
    dispatcher = Dispatcher(
        storage=storage,
        messenger=PlatformMessengers(messengers),
        clock=clock,
        notices=catalogue.catalogue().notice_book(),
        lease=lease,
        metrics=metrics,
    )
    wakeups = Wakeups(
        dispatcher=dispatcher, storage=storage, clock=clock, sweeps=catalogue.catalogue().sweeps
    )
    turnout = Turnout(
        storage=storage,
        clock=clock,
        defaults=defaults,
        on_notices=wakeups.kick,
        feeds=feeds,
        # A process's hold on what it took (a notice to send, a command to run) lasts as long.
        lease=lease,
        metrics=metrics,
        desk=desk,
        docs=docs,
    )
    return Bot(turnout, dispatcher, wakeups, storage, clock)
