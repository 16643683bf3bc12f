"""What one run of the dispatcher did, for its log line and for tests."""

from dataclasses import dataclass

from bot.ports.metrics import NoticeOutcome


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    dropped: int = 0
    retried: int = 0
    failed: int = 0
    # 429s met; each held every send to that platform for as long as it asked.
    rate_limited: int = 0
    # The database stopped answering part-way: what is still due waits for a later try.
    interrupted: bool = False

    def add(self, outcome: NoticeOutcome) -> None:
        """Count one notice sent, retried or failed for good."""
        match outcome:
            case NoticeOutcome.SENT:
                self.sent += 1
            case NoticeOutcome.RETRIED:
                self.retried += 1
            case NoticeOutcome.FAILED:
                self.failed += 1
