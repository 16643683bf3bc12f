"""A logging filter that takes secrets and people out of every record, at every level.

Library loggers (slack-bolt, slack_sdk, discord.py, aiohttp) print whole payloads and URLs at
DEBUG: interaction tokens, response_urls, the Socket Mode ticket, Slack's legacy verification
token, bot tokens. Installed on the root handlers at start, it rewrites a record's message
(and traceback) before any handler writes it. The patterns are the secrets' public shapes.

Those payloads, and the database drivers' DEBUG lines (aiosqlite prints every statement with
its parameters, SQLAlchemy the rows it reads), also hold what people are called and what they
wrote: names, ZIP codes, notes. No pattern finds those, so a library's records below INFO are
dropped whatever the level; Turnout's own code logs people by number only.
"""

import logging
import re

HIDDEN = "[redacted]"
# Turnout's own loggers (named after their modules); every other logger is a library's.
_OURS = ("bot.", "adapters.", "storage.", "__main__")

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Values of keys that are secrets, as JSON, Python reprs, form fields or headers.
    (
        re.compile(
            r"""(?i)(["']?\b(?:(?:bot_|refresh_|access_)?token|response_url|ticket|authorization|"""
            r"""x-slack-signature|client_secret)\b["']?"""
            r"""\s*[:=]\s*["']?)(?:(?:Bot|Bearer|Basic)\s+)?[^"'&\s,}\]]+"""
        ),
        rf"\g<1>{HIDDEN}",
    ),
    # Discord interaction tokens sit in URL paths: /interactions/<id>/<token>/callback and
    # /webhooks/<application id>/<token>.
    (re.compile(r"(/(?:interactions|webhooks)/\d+/)[^/\s\"'?]+"), rf"\g<1>{HIDDEN}"),
    # Slack response_urls wherever they appear, even URL-encoded.
    (re.compile(r"(?i)(hooks\.slack\.com(?:/|%2F))[^\s\"'&<>]+"), rf"\g<1>{HIDDEN}"),
    # Private calendar feed addresses: whoever reads the token reads someone's shifts.
    (re.compile(r"(/calendar/)[^/\s\"'?<>|]+(\.ics)"), rf"\g<1>{HIDDEN}\g<2>"),
    # The desk's sign-in links and session cookies open an organizer's desk.
    (re.compile(r"(/desk/sign-in/)[^/\s\"'?<>|]+"), rf"\g<1>{HIDDEN}"),
    (re.compile(r"(turnout_desk=)[^;\s\"'<>]+"), rf"\g<1>{HIDDEN}"),
    # Slack tokens (xoxb-, xoxp-, xapp-, …) and Discord bot tokens (three base64 parts).
    (re.compile(r"\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+"), HIDDEN),
    (re.compile(r"\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{10,}"), HIDDEN),
)


def redact(text: str) -> str:
    """`text` with every token, ticket and signed address in it replaced by a placeholder."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class Redactor(logging.Filter):
    """Rewrites each record's text with secrets hidden; drops libraries' DEBUG records."""

    _exceptions = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO and not record.name.startswith(_OURS):
            return False
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: let the handler report it as usual
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._exceptions.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install(logger: logging.Logger | None = None) -> None:
    """Put a Redactor on every handler of `logger` (the root logger by default)."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, Redactor) for f in handler.filters):
            handler.addFilter(Redactor())
