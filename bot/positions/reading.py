"""How positions, requirements and qualifications are typed."""

import re
from collections.abc import Callable

from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import parsing
from bot.kernel.intake import typed_values as typed

# `Maria Lopez "canvass lead"`: a name (spaces and all), then the qualification in quotes.
_WHO_AND_QUALIFICATION = re.compile(r"(?P<who>.+?)\s+[\"“](?P<qualification>[^\"”]+)[\"”]")


def positions(words: typed.Words) -> str:
    """The rest of the line: `lead:1 driver:2`, judged by the use case."""
    return words.rest()


def position(words: typed.Words) -> str:
    """One word: the position's name (or its number in the shift's list)."""
    return words.need(_("the position")).text


def qualification(words: typed.Words) -> str:
    """A qualification: in quotes, or the rest of the line."""
    word = words.need(_("the qualification"))
    if word.quoted:
        return word.text
    return " ".join((word.text, words.rest())).strip()


def who_and_qualification(build: Callable[..., Command]) -> Callable[[Actor, typed.Words], Command]:
    """`<who> "<qualification>"`: the name may have spaces; the qualification is quoted."""

    def read(actor: Actor, words: typed.Words) -> Command:
        matched = _WHO_AND_QUALIFICATION.fullmatch(words.rest())
        if matched is None:
            raise UserError(
                _(
                    "I'm missing who or the qualification in quotes. {hint}",
                    hint=words.hint,
                )
            )
        who = parsing.person(typed.Words(matched["who"], words.usage))
        return build(actor, who=who, qualification=matched["qualification"])

    return read
