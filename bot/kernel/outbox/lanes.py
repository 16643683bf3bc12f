"""Lanes: one team's sends queue apart from another team's, so a flood holds up nobody else.

A lane is one team on one platform (a Slack workspace, a Discord server): its own queue, its own
workers and its own pace (pacing.py), since a platform limits each team on its own. Two teams'
reminder fan-outs then run side by side, each at its team's pace, and a third team's single
reminder never waits behind either.

The lanes also say which campaigns already have enough claimed notices in memory (`crowded`),
so the dispatcher claims other campaigns' notices meanwhile: memory holds at most `backlog`
notices per campaign being sent, however many are due.
"""

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.kernel.outbox.delivery_policy import Send
from bot.kernel.outbox.notices import PostWork
from bot.kernel.outbox.ready import Ready

Item = TypeVar("Item")

# A lane's key: the platform and the team's own id there.
Lane = tuple[str, str]


def lane_of_send(send: Send) -> Lane:
    """The lane a send travels in: the team of the person or organizers it goes to."""
    where: Identity | Team | None = send.to or send.team
    if isinstance(where, Identity):
        return (send.platform, where.team_external_id)
    return (send.platform, where.external_id if where is not None else "")


def lane_of_post(work: PostWork) -> Lane:
    """The lane a live post's put-up or edit travels in."""
    ref: PostRef | None = work.ref
    if ref is not None:
        return (work.platform, ref.team_external_id)
    return (work.platform, work.team.external_id if work.team is not None else "")


def lane_of(ready: Ready) -> Lane:
    """The lane of a notice ready to send: that of its post, else of its first send."""
    if ready.post is not None:
        return lane_of_post(ready.post)
    return lane_of_send(ready.sends[0]) if ready.sends else ("", "")


class Lanes(Generic[Item]):
    """Items sent by `workers` workers per lane; `close` waits for every lane to empty."""

    def __init__(
        self, work: Callable[[Item], Awaitable[None]], *, workers: int, backlog: int
    ) -> None:
        self._work = work
        self._workers = workers
        self._backlog = backlog
        self._queues: dict[Hashable, asyncio.Queue[tuple[int, Item] | None]] = {}
        self._tasks: list[asyncio.Task[None]] = []
        # Claimed notices not yet done, per campaign.
        self._held: Counter[int] = Counter()
        self._changed = asyncio.Condition()

    @property
    def held(self) -> int:
        """How many items are queued or being sent, in every lane."""
        return sum(self._held.values())

    def campaigns(self) -> set[int]:
        """The campaigns with items held."""
        return set(self._held)

    def crowded(self) -> set[int]:
        """The campaigns with `backlog` or more items held: claim none of theirs for now."""
        return {campaign for campaign, count in self._held.items() if count >= self._backlog}

    def room_for(self, campaigns: set[int], *, unless: asyncio.Event) -> Callable[[], bool]:
        """A check for `until`: one of `campaigns` has sent a quarter of its backlog (worth
        claiming again), or nothing is held any more, or `unless` is set."""
        room = self._backlog - self._backlog // 4
        return lambda: (
            unless.is_set() or not self._held or any(self._held[c] <= room for c in campaigns)
        )

    def add(self, lane: Hashable, campaign: int, item: Item) -> None:
        queue = self._queues.get(lane)
        if queue is None:
            queue = self._queues[lane] = asyncio.Queue()
            self._tasks += [asyncio.create_task(self._run(queue)) for _ in range(self._workers)]
        self._held[campaign] += 1
        queue.put_nowait((campaign, item))

    async def until(self, check: Callable[[], bool]) -> None:
        """Wait until `check()` holds; it is looked at again whenever an item is done."""
        async with self._changed:
            await self._changed.wait_for(check)

    async def close(self) -> None:
        """Let every lane finish what it holds, then end its workers."""
        for queue in self._queues.values():
            for _worker in range(self._workers):
                queue.put_nowait(None)
        await asyncio.gather(*self._tasks)

    async def _run(self, queue: "asyncio.Queue[tuple[int, Item] | None]") -> None:
        while (entry := await queue.get()) is not None:
            campaign, item = entry
            try:
                await self._work(item)
            finally:
                self._held[campaign] -= 1
                if not self._held[campaign]:
                    del self._held[campaign]
                async with self._changed:
                    self._changed.notify_all()
