"""The desk's sign-in links and sessions: signed, single use, short-lived; hashes stored.

A link's token is a random value signed with itsdangerous (HMAC): the signature turns away a
made-up token before the database is asked, and only the value's hash is stored, so reading
the database opens nothing. The signing secret is TURNOUT_SECRET, or one made at random on
first use and kept in the database, like the calendar feeds'.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from itsdangerous import BadData, URLSafeSerializer

from bot.ports.storage import UnitOfWork

SIGN_IN_PATH = "/desk/sign-in/{token}"
# How long a link may wait to be opened, and how long the session it opens lasts.
LINK_LIFE = timedelta(minutes=15)
SESSION_LIFE = timedelta(hours=12)
_SALT = "turnout.desk-link"


def hashed(secret: str) -> str:
    """What is stored of a link's value or a session id."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same(given: str, expected: str) -> bool:
    """Whether a form's token is the session's, in constant time."""
    return hmac.compare_digest(given.encode(), expected.encode())


class DeskLinks:
    """Makes sign-in URLs under TURNOUT_PUBLIC_URL and reads the tokens back."""

    def __init__(self, public_url: str, secret: str = "") -> None:
        self.public_url = public_url.rstrip("/")
        self._secret = secret

    def __repr__(self) -> str:
        return f"DeskLinks({self.public_url!r})"

    @property
    def root(self) -> str:
        """The path TURNOUT_PUBLIC_URL adds before `/desk` ("" at a domain's root): a reverse
        proxy strips it, pages write it back into their links."""
        return urlsplit(self.public_url).path.rstrip("/")

    @property
    def secure(self) -> bool:
        """Whether the desk is reached over https (its cookie is then Secure)."""
        return self.public_url.startswith("https://")

    async def issue(self, uow: UnitOfWork, volunteer_id: int, now: datetime) -> str:
        """A new sign-in URL for the volunteer, stored as unused until now + LINK_LIFE."""
        value = secrets.token_urlsafe(24)
        await uow.desk.add_link(hashed(value), volunteer_id, now, now + LINK_LIFE)
        token = (await self._serializer(uow)).dumps(value)
        return self.public_url + SIGN_IN_PATH.format(token=token)

    async def link_hash(self, uow: UnitOfWork, token: str) -> str | None:
        """The stored hash `token` stands for, if Turnout signed it; None for a forged one."""
        secret = self._secret or await uow.desk.secret("")
        if not secret:
            # No link was ever made here (the random secret comes with the first).
            return None
        try:
            value = URLSafeSerializer(secret, salt=_SALT).loads(token)
        except BadData:
            return None
        return hashed(value) if isinstance(value, str) else None

    async def _serializer(self, uow: UnitOfWork) -> URLSafeSerializer:
        secret = self._secret or await uow.desk.secret(secrets.token_urlsafe(32))
        return URLSafeSerializer(secret, salt=_SALT)
