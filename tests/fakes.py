"""Fakes that subclass the real ports and record what happened."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.clock import ManualClock
from bot.domain.campaign import Identity, Team
from bot.ports.messenger import DeliveryError, Messenger
from bot.replies import Message, Reply
from tests.render import text_of

ORGANIZERS = "#organizers"
VOLUNTEERS = "#volunteers"


def frozen_clock(at: datetime = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)) -> ManualClock:
    """A clock that only moves when told to."""
    return ManualClock(at, running=False)


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

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        if to.user_external_id in self.failures:
            raise self.failures[to.user_external_id]
        self.sent.append(Sent(to.user_external_id, reply))

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        self.sent.append(Sent(ORGANIZERS, reply))

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        if VOLUNTEERS in self.failures:
            raise self.failures[VOLUNTEERS]
        self.sent.append(Sent(VOLUNTEERS, Message(f"@{to.user_external_id} {text_of(reply)}")))

    def texts(self, to: str) -> list[str]:
        return [s.text for s in self.sent if s.to == to]

    def clear(self) -> None:
        self.sent.clear()
