"""HTTP mode's front gate: only fresh, signed, well-formed requests from Slack get through.

The signature is checked on the raw bytes before anything is parsed, so unsigned garbage
costs a 401 and no traceback; a signature seen before within Slack's five-minute window is a
replay and is refused too. Which signatures were seen is kept in the database (the core's
`first_sight`), so a restart or another replica refuses the replay as well. While the database
can't answer, a signed request goes on unchecked: its command can't change anything either, and
its sender is told to try again rather than left without an answer.
Refusals are logged at most once a minute, with a count.
"""

import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_bolt.request.internals import parse_body

from adapters.slack import shapes
from bot.ports.storage import StorageConflict, StorageUnavailable

log = logging.getLogger(__name__)

# Slack's own rule: a request more than five minutes old (or ahead) is refused.
WINDOW_SECONDS = 300
# Ten digits today; anything much longer (or not digits) is not a Unix time in seconds.
_MAX_STAMP_DIGITS = 12
_LOG_EVERY = 60.0
UNSIGNED = "This address only takes requests signed by Slack."
_KINDS = frozenset({"command", "type", "ssl_check"})
MALFORMED = "This request is not one Slack sends; nothing was done."
# Whether a signed request (a hash of its signature) is new: False when any process saw it.
FirstSight = Callable[[str, datetime, timedelta], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class Refusal:
    status: int
    text: str
    reason: str


class Gate:
    def __init__(
        self,
        signing_secret: str,
        first_sight: FirstSight,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._secret = signing_secret.encode()
        self._first_sight = first_sight
        self._now = now
        self._refused = 0
        self._quiet_until = float("-inf")

    async def check(
        self, headers: Mapping[str, str], body: bytes, content_type: str
    ) -> Refusal | None:
        """None when the request may go on to bolt; else what to answer (and it is logged)."""
        refusal = self._verify(headers, body) or _malformed(body, content_type)
        if refusal is None:
            refusal = await self._replayed(headers.get("X-Slack-Signature", ""))
        if refusal is not None:
            self._log(refusal)
        return refusal

    async def _replayed(self, signature: str) -> Refusal | None:
        # A hash, so the table holds nothing that could sign anything.
        key = hashlib.sha256(signature.encode()).hexdigest()
        now = datetime.fromtimestamp(self._now(), UTC)
        try:
            fresh = await self._first_sight(key, now, timedelta(seconds=WINDOW_SECONDS))
        except (StorageUnavailable, StorageConflict):
            log.warning("could not check a request for a replay: the database did not answer")
            return None
        return None if fresh else Refusal(401, UNSIGNED, "replayed request")

    def _verify(self, headers: Mapping[str, str], body: bytes) -> Refusal | None:
        stamp = headers.get("X-Slack-Request-Timestamp", "")
        signature = headers.get("X-Slack-Signature", "")
        if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= _MAX_STAMP_DIGITS):
            return Refusal(401, UNSIGNED, "no valid X-Slack-Request-Timestamp")
        now = self._now()
        if abs(now - int(stamp)) > WINDOW_SECONDS:
            return Refusal(401, UNSIGNED, "stale X-Slack-Request-Timestamp")
        expected = hmac.new(self._secret, b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
        if not hmac.compare_digest(f"v0={expected.hexdigest()}".encode(), signature.encode()):
            return Refusal(401, UNSIGNED, "bad signature")
        return None

    def _log(self, refusal: Refusal) -> None:
        self._refused += 1
        now = time.monotonic()
        if now < self._quiet_until:
            return
        log.warning(
            "refused %d request(s) to /slack/events (latest: %s)", self._refused, refusal.reason
        )
        self._refused = 0
        self._quiet_until = now + _LOG_EVERY


def _malformed(body: bytes, content_type: str) -> Refusal | None:
    """Signed but not a Slack payload (bolt would fail on it with a traceback)."""
    try:
        # Bolt's own parser (it unwraps `payload=`), so what passes here parses there too.
        parsed: Any = parse_body(body.decode("utf-8"), content_type)
    except (UnicodeDecodeError, ValueError, RecursionError):
        parsed = None
    # Slash commands carry `command`, events and interactions `type`, health probes `ssl_check`.
    if not (isinstance(parsed, dict) and _KINDS & parsed.keys()):
        return Refusal(400, MALFORMED, "malformed body")
    wrong = shapes.problem(parsed)
    return None if wrong is None else Refusal(400, MALFORMED, f"malformed payload ({wrong})")
