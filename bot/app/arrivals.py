"""What a person asked a platform for, in a form that outlives the process that heard it.

An adapter describes each delivery as Work (a typed line, a menu's options, a button, a form, a
newcomer) and hands it to Turnout.accept before acknowledging it. Work that changes something is
written to the inbox (bot/ports/inbox.py) with the adapter's route for the answer; the command
marks it done in its own transaction. After a crash, Recovery finds what was accepted and never
done, and either runs it and answers, or (past REPLAY_WITHIN) tells its sender to send it again.
"""

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.ports.clock import Clock
from bot.ports.inbox import Arrival
from bot.ports.replies import Reply
from bot.ports.storage import Storage, StorageUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Typed:
    """A whole command line as typed (the console, tests): `/phonebank join 3`; never
    recorded in the inbox (it only comes from where nothing is lost by a crash)."""

    line: str


@dataclass(frozen=True, slots=True)
class Slash:
    """A slash command as platforms deliver it: `/phonebank` and `join 3`."""

    command: str
    text: str


@dataclass(frozen=True, slots=True)
class Options:
    """A subcommand chosen from a menu with its options (Discord's slash commands)."""

    group: str
    verb: str
    options: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Press:
    """A button's action."""

    action: str


@dataclass(frozen=True, slots=True)
class Submit:
    """A form's answers."""

    form_id: str
    values: Mapping[str, str | tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Welcome:
    """Someone joined the team."""


Work = Slash | Options | Press | Submit | Welcome
_KINDS: dict[str, type[Work]] = {
    "slash": Slash,
    "options": Options,
    "press": Press,
    "submit": Submit,
    "welcome": Welcome,
}
_NAMES = {kind: name for name, kind in _KINDS.items()}

# A command found waiting after a restart runs if it is younger than this; an older one is
# answered "send it again" (its sender has likely moved on, and a join an hour late surprises).
REPLAY_WITHIN = timedelta(minutes=10)
# A newcomer is welcomed however late, within a day.
WELCOME_WITHIN = timedelta(days=1)
# How long the process that accepted an arrival is taken to be working on it: far beyond any
# command's time (statements are bounded to seconds), short enough that a crash costs little.
LEASE = timedelta(seconds=60)
# How long arrivals are kept: a redelivered event is recognised, a late newcomer welcomed.
KEEP = WELCOME_WITHIN + timedelta(hours=1)


def encode(work: Work, route: Mapping[str, Any]) -> str:
    """The inbox payload: the work and the adapter's route for the answer, as JSON."""
    fields = {
        name: (dict(value) if isinstance(value, Mapping) else value)
        for name in getattr(work, "__slots__", ())
        if (value := getattr(work, name)) is not None
    }
    return json.dumps({"kind": _NAMES[type(work)], **fields, "route": dict(route)})


def decode(payload: str) -> tuple[Work, dict[str, Any]]:
    """The work and route `encode` wrote; ValueError when the payload is not one."""
    try:
        found = json.loads(payload)
        kind = _KINDS[found.pop("kind")]
        route = found.pop("route")
        if kind is Submit:
            values = found["values"]
            found["values"] = {k: v if isinstance(v, str) else tuple(v) for k, v in values.items()}
        return kind(**found), route
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not an inbox payload: {error}") from None


@dataclass(frozen=True, slots=True)
class Receipt:
    """What accept did: `key` when the work is in the inbox (the command marks it done),
    `duplicate` when the platform delivered it before (to this or another process)."""

    key: str | None = None
    duplicate: bool = False


NOT_RECORDED = Receipt()


class Replayer(Protocol):
    """An adapter's part in recovery: who a waiting arrival's sender is now, and how to answer
    them where they asked (or by DM when that place has expired)."""

    @property
    def platform(self) -> str: ...

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        """The sender as they are now; None when they can no longer be reached (left)."""
        ...

    async def answer(self, identity: Identity, route: Mapping[str, Any], reply: Reply) -> None:
        """Send `reply` to the sender."""
        ...


class Inbox:
    """The inbox as the front door uses it, with what waits for the database to come back:
    keys answered meanwhile (to mark done) and newcomers (to record)."""

    def __init__(self, storage: Storage, clock: Clock, lease: timedelta = LEASE) -> None:
        self._storage = storage
        self._clock = clock
        self._lease = lease
        self.unsettled: set[str] = set()
        self._held: dict[str, Arrival] = {}
        # Keys this process recorded and is still running: a pass that finds one of them past
        # its lease (a long export) has only renewed the lease, and leaves it be.
        self.running: set[str] = set()

    async def record(self, arrival: Arrival, work: Work) -> Receipt:
        try:
            async with self._storage.unit_of_work() as uow:
                fresh = await uow.inbox.accept(arrival, self._lease)
                await uow.commit()
        except StorageUnavailable:
            log.warning("storage unavailable; a %s runs unrecorded", type(work).__name__)
            if isinstance(work, Welcome):
                self._held[arrival.key] = arrival
            return NOT_RECORDED
        except Exception:
            # Recording is a safety net: whatever breaks it, the work itself still runs.
            log.exception("couldn't record a %s; it runs unrecorded", type(work).__name__)
            return NOT_RECORDED
        if not fresh:
            return Receipt(duplicate=True)
        self.running.add(arrival.key)
        return Receipt(arrival.key)

    async def settle(self, receipt: Receipt) -> None:
        """Mark done an arrival that was answered without changing anything."""
        if receipt.key is None:
            return
        try:
            async with self._storage.unit_of_work() as uow:
                await uow.inbox.done(receipt.key, self._clock.now())
                await uow.commit()
        except StorageUnavailable:
            self.unsettled.add(receipt.key)

    async def waiting(self, now: datetime, limit: int = 50) -> list[Arrival]:
        """Settle what was answered while the database was away, record the newcomers held
        since, forget what is past keeping, and take up to `limit` arrivals that a stopped
        process left waiting (held newcomers among them).

        Raises StorageUnavailable when the database still can't answer.
        """
        async with self._storage.unit_of_work() as uow:
            for key in self.unsettled:
                await uow.inbox.done(key, now)
            for arrival in self._held.values():
                # Leased as already run out: it is taken below, in this same pass.
                await uow.inbox.accept(arrival, now - arrival.accepted_at - self._lease)
            await uow.inbox.prune(now, KEEP)
            waiting = await uow.inbox.claim_stale(now, self._lease, limit)
            await uow.commit()
        self.unsettled.clear()
        self._held.clear()
        return [arrival for arrival in waiting if arrival.key not in self.running]
