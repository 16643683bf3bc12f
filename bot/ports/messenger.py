"""How the core reaches people on a platform, and how a platform says it couldn't."""

from abc import ABC, abstractmethod
from contextvars import ContextVar

from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.ports.replies import Reply

# What is being sent, the same on every try of it ("notice-12"; "" for anything else), set by
# the dispatcher around a Messenger call: a platform whose call may have taken effect though
# its answer never came can look, before trying again, for the message carrying this key.
SENDING: ContextVar[str] = ContextVar("sending", default="")


class DeliveryError(Exception):
    """A platform could not deliver a message.

    `retry_after` is set when the platform asked us to slow down; `permanent` when trying again
    cannot help (DMs closed, user gone), which organizers then hear about. `dms_closed` says the
    person is still there but refuses direct messages, so a mention in a channel can reach them.
    """

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        dms_closed: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent or dms_closed
        self.retry_after = retry_after
        self.dms_closed = dms_closed


class Messenger(ABC):
    """Sends messages on one platform. Raises DeliveryError when it cannot."""

    platform: str

    @abstractmethod
    async def send_direct(self, to: Identity, reply: Reply) -> None:
        """Send a direct message to one person."""

    @abstractmethod
    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        """Post to the team's organizer channel (or reach its organizers some other way)."""

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        """Post in the team's volunteers channel, mentioning `to`: for people whose DMs are closed.

        Platforms without such a channel keep this default.
        """
        raise DeliveryError("there is no volunteers channel to mention them in", permanent=True)

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        """Post `reply` in a channel of the team as a message the bot can edit later (a live
        post); returns where it is. Platforms without channels keep this default."""
        raise DeliveryError("there is no channel to post in here", permanent=True)

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        """Replace what a live post shows. A message or channel that is gone (deleted, the bot
        removed) raises a permanent DeliveryError: the post is then forgotten."""
        raise DeliveryError("there is no channel to post in here", permanent=True)
