"""People who erased themselves lately, so that coming straight back is not news to organizers.

forget-me deletes every trace in the database; what is kept here is a salted digest of the
platform account, in this process's memory only, for a day at most. It answers one question:
"has this account erased itself more than once today?". Coming back once is news (a change of
mind, announced like any newcomer); erasing and returning again and again is not, and posts no
"New volunteer" alert each time.
"""

import hashlib
import secrets
from collections import OrderedDict
from datetime import datetime, timedelta

from bot.domain.campaign import Identity

REMEMBER = timedelta(days=1)
_MAX = 10_000


class RecentlyErased:
    def __init__(self, *, remember: timedelta = REMEMBER) -> None:
        self._remember = remember
        # A new salt per process: the digests mean nothing outside it.
        self._salt = secrets.token_bytes(16)
        # digest → (erasures within the window, when the window ends), oldest first.
        self._seen: OrderedDict[bytes, tuple[int, datetime]] = OrderedDict()

    def add(self, identity: Identity, now: datetime) -> None:
        key = self._digest(identity)
        count, until = self._seen.pop(key, (0, now))
        self._seen[key] = (count + 1 if now < until else 1, now + self._remember)
        while len(self._seen) > _MAX:
            self._seen.popitem(last=False)

    def returning_again(self, identity: Identity, now: datetime) -> bool:
        """Whether this account erased itself more than once within the last day."""
        count, until = self._seen.get(self._digest(identity), (0, now))
        return count > 1 and now < until

    def _digest(self, identity: Identity) -> bytes:
        account = "\x1f".join(
            (identity.platform, identity.team_external_id, identity.user_external_id)
        )
        return hashlib.blake2b(account.encode(), key=self._salt, digest_size=16).digest()
