"""Recovery: what a stopped process accepted and never finished is run, or its sender told.

A row still waiting in the inbox is a command whose changes never committed (the command marks
its row done in its own transaction), so running it once more cannot do anything twice. Within
REPLAY_WITHIN it runs and its answer goes to the sender; older, the sender is told to send it
again; a newcomer is welcomed however late, within WELCOME_WITHIN.
"""

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.app.arrivals import (
    REPLAY_WITHIN,
    WELCOME_WITHIN,
    Options,
    Press,
    Receipt,
    Replayer,
    Slash,
    Submit,
    Welcome,
    Work,
    decode,
)
from bot.app.turnout import ALREADY_DONE, Turnout
from bot.kernel.i18n import N_, _
from bot.ports.inbox import Arrival
from bot.ports.replies import Form, Message, Reply

log = logging.getLogger(__name__)

SEND_AGAIN = N_(
    "I was restarted before I could finish {what} (sent {ago} minutes ago), so nothing changed. "
    "Please send it again if you still want it."
)
FORM_AGAIN = N_("I was restarted before I could open that form. Please ask for it again.")


class Recovery:
    """Every `every` (and first when started, which after a crash is when it matters), takes
    up the arrivals stopped processes left waiting, for the platforms this process runs."""

    def __init__(
        self,
        turnout: Turnout,
        replayers: Sequence[Replayer] = (),
        *,
        every: timedelta = timedelta(seconds=15),
    ) -> None:
        self.turnout = turnout
        self.replayers = list(replayers)
        self.every = every
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self.once()
            except Exception:
                log.exception("taking up waiting commands failed; trying again shortly")
            await asyncio.sleep(self.every.total_seconds())

    async def once(self) -> int:
        """One pass; how many waiting arrivals it took up. Raises StorageUnavailable when the
        database can't answer yet."""
        by_platform = {replayer.platform: replayer for replayer in self.replayers}
        now = self.turnout.now()
        waiting = await self.turnout.inbox.waiting(now)
        for arrival in waiting:
            replayer = by_platform.get(arrival.identity.platform)
            if replayer is None:
                continue  # another process runs that platform; the lease lapses again for it
            try:
                await self._take_up(arrival, replayer, now)
            except Exception:
                log.exception("couldn't take up an arrival from %s", replayer.platform)
        return len(waiting)

    async def _take_up(self, arrival: Arrival, replayer: Replayer, now: datetime) -> None:
        inbox = self.turnout.inbox
        try:
            work, route = decode(arrival.payload)
        except ValueError:
            log.warning("an inbox row held no command; dropping it")
            await inbox.settle(Receipt(arrival.key))
            return
        age = now - arrival.accepted_at
        if age > (WELCOME_WITHIN if isinstance(work, Welcome) else REPLAY_WITHIN):
            await inbox.settle(Receipt(arrival.key))
            log.info("dropped a waiting %s older than it may run", type(work).__name__)
            if not isinstance(work, Welcome):
                minutes = int(age.total_seconds() // 60)
                late = Message(_(SEND_AGAIN, what=said(work), ago=minutes))
                await replayer.answer(arrival.identity, route, late)
            return
        actor = await replayer.actor(arrival.identity, route)
        if actor is None:
            # They left the team meanwhile: nothing to run for them, nobody to tell.
            await inbox.settle(Receipt(arrival.key))
            return
        reply = await self.turnout.run(actor, work, Receipt(arrival.key))
        log.info("ran a waiting %s after a restart", type(work).__name__)
        if isinstance(work, Welcome) or (
            isinstance(reply, Message) and reply.text == _(ALREADY_DONE)
        ):
            return
        await replayer.answer(arrival.identity, route, _late(reply))


def said(work: Work) -> str:
    """What the person sent, as they would recognise it."""
    match work:
        case Slash(command=name, text=text):
            return "`" + " ".join(part for part in (name, text.strip()) if part) + "`"
        case Options(group=group, verb=verb):
            return f"`/{group} {verb}`"
        case Press():
            return _("the button you pressed")
        case Submit():
            return _("the form you sent")
        case Welcome():
            return _("your welcome")


def _late(reply: Reply) -> Reply:
    """A form can only open right after a click; late, the person is asked to ask again."""
    return Message(_(FORM_AGAIN)) if isinstance(reply, Form) else reply
