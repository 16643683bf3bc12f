"""The contract every chat platform adapter keeps with `turnout run`."""

from typing import Protocol

from bot.app.arrivals import Replayer
from bot.app.ops import Connection
from bot.app.turnout import Turnout
from bot.ports.messenger import Messenger


class PlatformError(Exception):
    """The platform refused to connect (bad token, missing scope); one line saying what to fix."""


class Platform(Protocol):
    """A connection to one chat platform: Slack or Discord.

    Built from settings before the core exists, because the core's dispatcher needs the
    messenger; started once the core is wired.
    """

    @property
    def messenger(self) -> Messenger:
        """What the dispatcher sends this platform's messages through."""

    @property
    def replayer(self) -> Replayer:
        """How recovery reaches this platform's people (set by `start`)."""

    async def start(self, turnout: Turnout) -> None:
        """Connect and begin handing events to `turnout`; return once listening.

        Raises PlatformError when the platform refuses the credentials.
        """

    async def problem(self) -> str | None:
        """None while connected to the platform; else what is wrong, in a few words (for
        /healthz)."""

    def connections(self) -> list[Connection]:
        """Each connection, when the platform keeps several (Discord's shards), for /healthz
        and /metrics; empty when it keeps one."""

    async def failure(self) -> PlatformError:
        """Wait until the platform stops for good on its own (its token refused mid-run);
        return why, as one line naming what to fix. Never returns after `stop`."""

    async def stop(self) -> None:
        """Disconnect; safe to call after a failed or partial start."""
