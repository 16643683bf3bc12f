"""DMs and organizer-channel posts, printed with who they are for."""

from collections.abc import Callable

from adapters.console.screen import Screen
from bot.domain.campaign import Identity, Team
from bot.ports.messenger import Messenger
from bot.replies import Reply


class ConsoleMessenger(Messenger):
    platform = "console"

    def __init__(
        self, screen: Screen, *, names: dict[str, str], organizers: Callable[[], list[str]]
    ) -> None:
        self._screen = screen
        # Console user key → the name as first typed, for headers.
        self._names = names
        self._organizers = organizers

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        name = self._names.get(to.user_external_id, to.user_external_id)
        self._screen.show(reply, to=[to.user_external_id], header=f"✉ DM to {name}:")

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        self._screen.show(reply, to=self._organizers(), header="# organizers:")
