"""The volunteer an organizer names in a command, by name or `#number`.

Every command that names someone reads them here, so each says the same true thing when the
name fits nobody, fits several, or is the number of someone who asked to be forgotten.
"""

from collections.abc import Callable

from bot.domain.errors import UserError
from bot.domain.volunteer import Volunteer
from bot.kernel.context import Context
from bot.kernel.i18n import _

# The command as it would be typed with a reference to someone in it (`#12`, `Maria`).
Example = Callable[[str], str]


async def one_volunteer(ctx: Context, who: str, example: Example) -> Volunteer:
    """The one volunteer `who` names (a name or `#number`); else a UserError on what to type.

    `example` writes the command with a reference in the place of `who`, so the error teaches
    a command that can be typed as it stands.
    """
    found = await ctx.uow.volunteers.find(ctx.campaign.id, who)
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"#{v.number}" for v in found)
        raise UserError(
            _(
                "Which one? Several volunteers are called “{who}” ({listed}); use the "
                "number, like `{example}`.",
                who=who,
                listed=listed,
                example=example(f"#{found[0].number}"),
            )
        )
    number = _number(who)
    if number is not None and await ctx.uow.volunteers.was_forgotten(ctx.campaign.id, number):
        # Only that they left: nothing of who they were is kept to say more.
        raise UserError(
            _(
                "#{number} asked to be forgotten, so Turnout keeps nothing about them any more.",
                number=number,
            )
        )
    if number is not None:
        raise UserError(
            _(
                "There's no volunteer #{number}; check the number, or use their name "
                "as Turnout shows it, like `{example}`.",
                number=number,
                example=example("Maria"),
            )
        )
    raise UserError(
        _(
            "I don't know a volunteer called “{who}”; use their name as Turnout "
            "shows it or their #number, like `{example}`.",
            who=who,
            example=example("#12"),
        )
    )


def _number(who: str) -> int | None:
    """The number in `#12` or `12` (as storage's find reads it), if `who` is one."""
    digits = who.strip().removeprefix("@").strip().removeprefix("#")
    return int(digits) if digits.isdecimal() and len(digits) <= 9 else None
