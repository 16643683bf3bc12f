"""Fakes that subclass the real ports and record what happened."""

import asyncio
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.app.clock import ManualClock
from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.ports.messenger import DeliveryError, Messenger
from bot.ports.replies import Message, Reply
from tests.render import text_of

ORGANIZERS = "#organizers"
VOLUNTEERS = "#volunteers"


FROZEN_AT = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


def frozen_clock(at: datetime = FROZEN_AT) -> ManualClock:
    """A clock that only moves when told to."""
    return ManualClock(at, running=False)


class VirtualClock(ManualClock):
    """A frozen clock with a `sleep` that takes no real time: for code that waits (pacing),
    so that its waits are exact and instant.

    A sleep lets whatever is ready run first, then moves the clock to the moment the sleeper
    wakes, unless another sleeper already moved it past: sleeps that overlap don't add up.
    """

    def __init__(self, at: datetime = FROZEN_AT) -> None:
        super().__init__(at, running=False)

    async def sleep(self, seconds: float) -> None:
        wakes = self.now() + timedelta(seconds=max(seconds, 0.0))
        await asyncio.sleep(0)
        if wakes > self.now():
            self.advance(wakes - self.now())


@dataclass(frozen=True)
class Sent:
    to: str
    reply: Reply

    @property
    def text(self) -> str:
        return text_of(self.reply)


@dataclass
class RecordingMessenger(Messenger):
    platform: str = "test"
    sent: list[Sent] = field(default_factory=list)
    # Recipient → the error the platform gives when we try to reach them.
    failures: dict[str, DeliveryError] = field(default_factory=dict)
    # Live posts' edits, by where the post is; failures also by message id (a deleted post).
    edits: list[tuple[PostRef, Reply]] = field(default_factory=list)
    _messages: itertools.count = field(default_factory=lambda: itertools.count(1))

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        if to.user_external_id in self.failures:
            raise self.failures[to.user_external_id]
        self.sent.append(Sent(to.user_external_id, reply))

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        if ORGANIZERS in self.failures:
            raise self.failures[ORGANIZERS]
        self.sent.append(Sent(ORGANIZERS, reply))

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        if VOLUNTEERS in self.failures:
            raise self.failures[VOLUNTEERS]
        self.sent.append(Sent(VOLUNTEERS, Message(f"@{to.user_external_id} {text_of(reply)}")))

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        """A live post: recorded as sent to `#channel`, numbered like platform messages."""
        if f"#{channel}" in self.failures:
            raise self.failures[f"#{channel}"]
        self.sent.append(Sent(f"#{channel}", reply))
        return PostRef(self.platform, team.external_id, channel, str(next(self._messages)))

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        if ref.message_id in self.failures:
            raise self.failures[ref.message_id]
        self.edits.append((ref, reply))

    def edited(self, message_id: str) -> list[str]:
        """What each edit of one live post showed, in order."""
        return [text_of(reply) for ref, reply in self.edits if ref.message_id == message_id]

    def texts(self, to: str) -> list[str]:
        return [s.text for s in self.sent if s.to == to]

    def clear(self) -> None:
        self.sent.clear()
