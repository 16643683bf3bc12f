"""`/volunteer language`: the language a volunteer reads Turnout in."""

from dataclasses import replace

from bot.kernel.context import Context
from bot.kernel.i18n import AUTO, N_, _, reading_in
from bot.ports.replies import Message, Reply
from bot.volunteers.commands import SetMyLanguage

# What each choice answers (a whole sentence per language, in the language chosen).
_NOW_IN = {
    "en": N_("OK, I'll write to you in English from now on."),
    "es": N_("OK, I'll write to you in Spanish from now on."),
}


async def set_my_language(cmd: SetMyLanguage, ctx: Context) -> Reply:
    """Their own language, or `auto` (their platform's, else the campaign's); the answer reads
    in the language they now have, as does everything after (a form half filled included)."""
    chosen = None if cmd.language == AUTO else cmd.language
    ctx.volunteer = replace(ctx.volunteer, language=chosen)
    await ctx.uow.volunteers.save(ctx.volunteer)
    with reading_in(ctx.language):
        if chosen is None:
            text = _(
                "OK, I'll write to you in your platform's language (or the campaign's) from now on."
            )
        else:
            text = _(_NOW_IN[chosen])
    return Message(text)
