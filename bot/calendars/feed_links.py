"""Private calendar feed URLs: signed, revocable tokens naming a volunteer and their feed key.

The token is `[volunteer id, key]` signed with itsdangerous. The signature proves Turnout
made it; the key must still be the volunteer's stored one, so `/volunteer calendar reset` (a
new key) and forget-me (no key at all) turn every earlier URL away. The signing secret is
TURNOUT_SECRET, or else one made at random on first use and kept in the database, so URLs
survive restarts without configuration. It is never logged or shown.
"""

import secrets
from dataclasses import dataclass

from itsdangerous import BadData, URLSafeSerializer

from bot.ports.storage import UnitOfWork

FEED_PATH = "/calendar/{token}.ics"
_SALT = "turnout.calendar-feed"


@dataclass(frozen=True, slots=True)
class FeedOwner:
    """Who a well-signed token names, and with which key."""

    volunteer_id: int
    key: str


class FeedLinks:
    """Makes and reads feed URLs under TURNOUT_PUBLIC_URL."""

    def __init__(self, public_url: str, secret: str = "") -> None:
        self.public_url = public_url.rstrip("/")
        self._secret = secret

    def __repr__(self) -> str:
        return f"FeedLinks({self.public_url!r})"

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(12)

    async def url(self, uow: UnitOfWork, owner: FeedOwner) -> str:
        token = (await self._serializer(uow)).dumps([owner.volunteer_id, owner.key])
        return self.public_url + FEED_PATH.format(token=token)

    async def owner(self, uow: UnitOfWork, token: str) -> FeedOwner | None:
        """Who `token` names, if Turnout signed it; None for a tampered or made-up one."""
        try:
            named = (await self._serializer(uow)).loads(token)
        except BadData:
            return None
        match named:
            case [int(volunteer_id), str(key)]:
                return FeedOwner(volunteer_id, key)
        return None

    async def _serializer(self, uow: UnitOfWork) -> URLSafeSerializer:
        secret = self._secret or await uow.calendars.secret(secrets.token_urlsafe(32))
        return URLSafeSerializer(secret, salt=_SALT)
