"""How the campaign's typed settings and `help <topic>` are read."""

from datetime import timedelta

from bot.campaign.commands import ShowHelp
from bot.domain.errors import UserError
from bot.domain.timing import DEFAULT_REMINDER_OFFSETS
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import TextReader


def campaign_offsets(words: typed.Words) -> tuple[timedelta, ...]:
    """Reminder times for the campaign: it always has some, so `default` puts back Turnout's."""
    offsets = typed.reminder_offsets(words)
    return DEFAULT_REMINDER_OFFSETS if offsets is None else offsets


def help_topic(topics: tuple[str, ...], also: tuple[str, ...]) -> TextReader:
    """`/turnout help [topic]`: the overview, or one topic's commands (a topic by one of its
    other names too); an unknown topic is answered with the topics there are."""

    def read(actor: Actor, words: typed.Words) -> Command:
        word = words.take()
        topic = "" if word is None else word.text.lower().removeprefix("/")
        if word is not None and topic not in (*topics, *also):
            raise UserError(
                _(
                    "I have no help on {shown}; type /turnout help and one of: {topics}.",
                    shown=typed.shown(word.text),
                    topics=", ".join(topics),
                )
            )
        words.end()
        return ShowHelp(actor, topic=topic)

    return read
