"""One Messenger for the core over every connected platform."""

from collections.abc import Sequence

from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.ports.messenger import DeliveryError, Messenger
from bot.ports.replies import Reply


class PlatformMessengers(Messenger):
    """One Messenger for the core that hands each message to its platform's messenger."""

    platform = "any"

    def __init__(self, messengers: Sequence[Messenger]) -> None:
        self._by_platform = {m.platform: m for m in messengers}

    def _for(self, platform: str) -> Messenger:
        try:
            return self._by_platform[platform]
        except KeyError:
            raise DeliveryError(
                f"Turnout isn't connected to {platform} right now", permanent=True
            ) from None

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        await self._for(to.platform).send_direct(to, reply)

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        await self._for(team.platform).post_to_organizers(team, reply)

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        await self._for(to.platform).mention_in_channel(to, reply)

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        return await self._for(team.platform).post_in_channel(team, channel, reply)

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        await self._for(ref.platform).edit_post(ref, reply)
