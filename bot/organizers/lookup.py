"""The named organizers as the adapters' organizer checks see them: read from storage and kept
briefly, so a burst of commands costs one read; a change made here is seen at once."""

import logging
import time
from collections.abc import Callable

from bot.domain.organizers import NOBODY_NAMED, NamedOrganizers
from bot.ports.organizers import OrganizerLookup
from bot.ports.storage import Storage

log = logging.getLogger(__name__)

# Another process's change (several share one database) is seen within this many seconds.
KEPT_FOR = 10.0


class NamedOrganizerCache(OrganizerLookup):
    def __init__(
        self, storage: Storage, *, ttl: float = KEPT_FOR, now: Callable[[], float] = time.monotonic
    ) -> None:
        self._storage = storage
        self._ttl = ttl
        self._now = now
        self._known: dict[tuple[str, str], tuple[NamedOrganizers, float]] = {}
        # A team whose list changed: read afresh until then, as the change may not be
        # committed yet when it is reported (a read in between must not keep the old list).
        self._unsure: dict[tuple[str, str], float] = {}

    async def named(self, platform: str, team_external_id: str) -> NamedOrganizers:
        key = (platform, team_external_id)
        now = self._now()
        settled = now >= self._unsure.get(key, float("-inf"))
        known = self._known.get(key)
        if settled and known is not None and now < known[1]:
            return known[0]
        try:
            async with self._storage.unit_of_work(write=False) as uow:
                found = await uow.organizers.named(platform, team_external_id)
        except Exception as error:
            # Never granted by accident: without an answer, nobody is named.
            log.warning("can't read the named organizers of a team (%s)", type(error).__name__)
            return NOBODY_NAMED
        if settled:
            self._known[key] = (found, now + self._ttl)
        return found

    def changed(self, platform: str, team_external_id: str) -> None:
        """The team's list changed in this process: the next checks read it again."""
        key = (platform, team_external_id)
        self._known.pop(key, None)
        self._unsure[key] = self._now() + self._ttl
