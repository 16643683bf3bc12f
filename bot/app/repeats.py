"""A logging filter that says each repeated line once per interval, with how many it held back.

One fault (a read-only database, a flood of aborted requests) can produce the same warning
hundreds of times a second; the log should say it once, then once a minute with a count.
"""

import logging
import time
from collections import OrderedDict
from collections.abc import Callable

EVERY_SECONDS = 60.0
# Distinct lines remembered at once; the oldest is forgotten first.
_REMEMBERED = 1000


class Repeats(logging.Filter):
    """Passes a warning or error unless one of the same cause (logger, level, message template and
    exception type) was passed within `every` seconds; a passed record that held others back
    ends with "(N more like this since)"."""

    def __init__(
        self, every: float = EVERY_SECONDS, now: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self._every = every
        self._now = now
        # line → (when it may be said again, how many were held back since it was said)
        self._said: OrderedDict[tuple[str, int, str], tuple[float, int]] = OrderedDict()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True  # progress lines ("delivered ...") repeat by nature
        error = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        key = (record.name, record.levelno, f"{record.msg}|{error}")
        now = self._now()
        until, held = self._said.get(key, (float("-inf"), 0))
        if now < until:
            self._said[key] = (until, held + 1)
            return False
        self._said.pop(key, None)
        self._said[key] = (now + self._every, 0)
        while len(self._said) > _REMEMBERED:
            self._said.popitem(last=False)
        if held:
            record.msg = f"{record.getMessage()} ({held} more like this since)"
            record.args = None
        return True


class OneLine(logging.Filter):
    """A record with a traceback becomes one line ending with the exception's type and text:
    for faults from outside (a client hanging up) whose traceback says nothing new."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()}: {type(error).__name__}: {error}".rstrip(": ")
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def install() -> Callable[[], None]:
    """Say repeated warnings once a minute on every handler the root logger has (as
    `turnout run` configures logging), whichever module logs them; returns the undo."""
    added = [
        (handler, Repeats())
        for handler in logging.getLogger().handlers
        if not any(isinstance(f, Repeats) for f in handler.filters)
    ]
    for handler, repeats in added:
        handler.addFilter(repeats)

    def undo() -> None:
        for handler, repeats in added:
            handler.removeFilter(repeats)

    return undo
