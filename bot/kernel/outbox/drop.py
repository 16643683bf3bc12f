"""Why a notice is not sent after all: its own module, so every renderer module can say it."""

from dataclasses import dataclass

from bot.domain.notice import NoticeState


@dataclass(frozen=True, slots=True)
class Drop:
    """Not worth sending any more: the notice ends in `state` for `reason`."""

    state: NoticeState
    reason: str
