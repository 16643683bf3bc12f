"""DMs, organizer-channel posts and live posts, printed with who they are for."""

import itertools
from collections.abc import Callable

from adapters.console.screen import Screen
from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.ports.messenger import Messenger
from bot.ports.replies import Reply


class ConsoleMessenger(Messenger):
    platform = "console"

    def __init__(
        self, screen: Screen, *, names: dict[str, str], organizers: Callable[[], list[str]]
    ) -> None:
        self._screen = screen
        # Console user key → the name as first typed, for headers.
        self._names = names
        self._organizers = organizers
        self._post_ids = itertools.count(1)

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        name = self._names.get(to.user_external_id, to.user_external_id)
        self._screen.show(reply, to=[to.user_external_id], header=f"✉ DM to {name}:")

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        self._screen.show(reply, to=self._organizers(), header="# organizers:")

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        # Nobody's numbered choices (they would take the place of someone's DM buttons): in
        # the console a post's Join is typed, `/phonebank join 3`.
        self._screen.show(reply, to=[], header=f"# post in #{channel}:")
        return PostRef(self.platform, team.external_id, channel, str(next(self._post_ids)))

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        self._screen.show(reply, to=[], header=f"✎ post in #{ref.channel} updated:")
