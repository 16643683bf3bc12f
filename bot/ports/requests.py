"""Storage of signed requests already seen, so a replay is refused by every process."""

from abc import ABC, abstractmethod
from datetime import datetime, timedelta


class RequestRepository(ABC):
    @abstractmethod
    async def remember(self, key: str, now: datetime, window: timedelta) -> bool:
        """Record `key` as seen at `now`; False when it was seen before (by any process).

        Keys seen more than `window` before `now` may be forgotten: a request that old is
        refused by its timestamp anyway.
        """
