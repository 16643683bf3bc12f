"""What `turnout doctor` finds: one line per check, saying what is fine or how to fix it."""

from dataclasses import dataclass
from typing import Literal

# How long any one call to a platform or to the public address may take before the check
# says it got no answer.
TIMEOUT = 5.0

NO_PLATFORM = (
    "no platform is configured — set SLACK_BOT_TOKEN (see docs/slack.md) or "
    "DISCORD_TOKEN (docs/discord.md)"
)

State = Literal["ok", "FIX", "note"]


@dataclass(frozen=True)
class Finding:
    """One check's outcome: `area` is what was checked (slack, discord, database...), `text`
    what was found, and for a FIX, what to do about it. A note is neither right nor wrong:
    something that wasn't checked, and why."""

    area: str
    text: str
    state: State = "ok"

    @property
    def wrong(self) -> bool:
        return self.state == "FIX"

    def line(self) -> str:
        """`ok   slack: token valid (workspace Foo)`: the state, padded so texts line up."""
        return f"{self.state:<5}{self.area}: {self.text}"


def ok(area: str, text: str) -> Finding:
    return Finding(area, text, "ok")


def fix(area: str, text: str) -> Finding:
    return Finding(area, text, "FIX")


def note(area: str, text: str) -> Finding:
    return Finding(area, text, "note")


def unreachable(area: str, platform: str, url: str, error: BaseException, variable: str) -> Finding:
    """No answer from `platform` at `url`: a line naming the setting that says where it is."""
    reason = str(error) or type(error).__name__
    return fix(
        area, f"can't reach {platform} at {url} ({reason}) — check your network or {variable}"
    )


class CheckFailed(Exception):
    """A check could not go on (a refused token, no answer); `finding` says what to fix, and
    `code` is the platform's own word for the refusal, when it gave one."""

    def __init__(self, finding: Finding, code: str = "") -> None:
        super().__init__(finding.text)
        self.finding = finding
        self.code = code
