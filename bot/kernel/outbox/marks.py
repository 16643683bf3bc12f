"""Recording sends: as soon as the database can take them, several per transaction."""

import asyncio

from bot.ports.clock import Clock
from bot.ports.storage import Storage

# Turns of the event loop a writer waits for more marks, while more keep coming.
GATHER_TURNS = 8


class SentMarks:
    """Records sends as soon as the database can take them, several per transaction.

    Group commit: a send is marked in the next transaction to start, which starts as soon
    as the previous one ends; under load the marks share transactions, idle they go one by
    one at once. Either way a crash can repeat only sends whose mark was not yet committed,
    and since each sender waits for its mark before taking the next message, that is at most
    one per sender.
    """

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self._storage = storage
        self._clock = clock
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []
        self._writing = False

    async def sent(self, notice_id: int) -> None:
        """Returns once the send is recorded; raises StorageUnavailable if it couldn't be."""
        done = asyncio.get_running_loop().create_future()
        self._waiting.append((notice_id, done))
        if not self._writing:
            # Whoever finds no writer becomes it, until nobody is waiting.
            self._writing = True
            try:
                # A SQLite transaction awaits nothing, so nobody could join one while it runs:
                # let the senders whose sends have just finished add their marks first.
                await self._gather()
                while self._waiting:
                    await self._write()
            finally:
                self._writing = False
        await done

    async def _gather(self) -> None:
        """Yield to the loop while senders keep adding marks (a few turns at most)."""
        for _ in range(GATHER_TURNS):
            before = len(self._waiting)
            await asyncio.sleep(0)
            if len(self._waiting) == before:
                return

    async def _write(self) -> None:
        batch, self._waiting = self._waiting, []
        try:
            async with self._storage.unit_of_work() as uow:
                now = self._clock.now()
                await uow.notices.mark_sent([notice_id for notice_id, _ in batch], now)
                await uow.commit()
        except Exception as error:
            for _, done in batch:
                done.set_exception(error)
            return
        except BaseException:
            for _, done in batch:
                done.cancel()
            raise
        for _, done in batch:
            done.set_result(None)
