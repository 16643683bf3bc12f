"""How typed volunteer commands with a grammar of their own become commands."""

from bot.domain.errors import UserError
from bot.domain.text import MAX_NAME, clean_text
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed


def contacted_who(words: typed.Words) -> str:
    """The rest of the line as the name or #number of a newcomer."""
    who = words.rest()
    if not who:
        raise UserError(_("I'm missing who you contacted. {hint}", hint=words.hint))
    return clean_text(who, what="name", limit=MAX_NAME)
