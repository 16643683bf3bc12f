"""How `/turnout link [code] [confirm]` is read from a typed line."""

from bot.kernel.commands import Actor, Command
from bot.kernel.intake import typed_values as typed
from bot.linking.commands import LinkTeam


def link(actor: Actor, words: typed.Words) -> Command:
    """The code may be typed with spaces or dashes; `confirm` comes last."""
    parts = words.rest().split()
    confirmed = bool(parts) and parts[-1].lower() == "confirm"
    if confirmed:
        parts = parts[:-1]
    return LinkTeam(actor, code=" ".join(parts), confirmed=confirmed)
