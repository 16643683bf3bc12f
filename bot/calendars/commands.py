"""What a volunteer asks of their private calendar feed."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class ShowCalendarFeed(Command):
    """`/volunteer calendar [reset]`: my private calendar feed URL (reset: a new one)."""

    reset: bool = False
