"""What the core counts for operators: commands, notices, rate limits. A port, so the core never
knows how the counts are exported (bot/app/metrics.py exports them for Prometheus).

Labels are names of commands, kinds of notices, outcomes and platforms: never a person.
"""

from abc import ABC, abstractmethod
from enum import StrEnum


class CommandOutcome(StrEnum):
    """How a command ended, as Turnout.handle decides it."""

    OK = "ok"
    # Refused with a sentence saying what to type instead (a UserError).
    REFUSED = "refused"
    # The database couldn't answer, or other commands kept getting there first.
    TRY_AGAIN = "try_again"
    # A bug: the person was told something went wrong.
    ERROR = "error"


class NoticeOutcome(StrEnum):
    """What became of one try at sending a notice."""

    SENT = "sent"
    FAILED = "failed"
    RETRIED = "retried"


class Metrics(ABC):
    """Counts what the core does."""

    @abstractmethod
    def command(self, name: str, outcome: CommandOutcome) -> None:
        """A command (named by its class, e.g. JoinShift) ended with `outcome`."""

    @abstractmethod
    def notice(self, kind: str, outcome: NoticeOutcome, *, late_by: float | None = None) -> None:
        """A notice of `kind` was sent, failed for good or will be retried; a sent one says
        how many seconds after it fell due it went out (`late_by`)."""

    @abstractmethod
    def rate_limited(self, platform: str) -> None:
        """`platform` answered a call with 429 (slow down)."""


class NoMetrics(Metrics):
    """Counts nothing: for runs nobody scrapes (the console, most tests)."""

    def command(self, name: str, outcome: CommandOutcome) -> None:
        pass

    def notice(self, kind: str, outcome: NoticeOutcome, *, late_by: float | None = None) -> None:
        pass

    def rate_limited(self, platform: str) -> None:
        pass
