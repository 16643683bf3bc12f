"""Spanish descriptions and choice names for the slash commands, from the same catalogue as
every answer.

Discord shows a member the description in their client's language when the command carries
one (`description_localizations`), and a choice's name likewise (`name_localizations`);
discord.py asks a Translator for each while syncing. Command and option names stay English
everywhere: people type them and the help documents them. Only a choice's name ("🚪 Canvass",
a kind of shift; "inscripciones" for `signups`) is offered in Spanish too: people pick it, its
value stays the English id.
"""

import discord
from discord import app_commands

from bot.kernel.i18n import _, reading_in
from bot.kernel.intake.entry import Label

# The Discord locales that read Turnout's Spanish.
SPANISH = (discord.Locale.spain_spanish, discord.Locale.latin_american_spanish)
_DESCRIPTIONS = (
    app_commands.TranslationContextLocation.command_description,
    app_commands.TranslationContextLocation.group_description,
    app_commands.TranslationContextLocation.parameter_description,
)
# Discord's limits on a description and a choice's name.
MAX_DESCRIPTION = 100
MAX_CHOICE_NAME = 100


def described(text: str, *, summary: str = "", organizer: bool = False) -> app_commands.locale_str:
    """A description as sent, carrying the catalogue sentence it was written from."""
    return app_commands.locale_str(text, summary=summary, organizer=organizer)


def named(label: Label) -> app_commands.locale_str:
    """A choice's name as sent ("🚪 Canvass"), carrying the name to translate."""
    return app_commands.locale_str(str(label), label=label)


class CatalogueTranslator(app_commands.Translator):
    """Each description and choice name in Spanish for Spanish clients; anything the catalogue
    doesn't translate stays English (None)."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale not in SPANISH:
            return None
        if context.location is app_commands.TranslationContextLocation.choice_name:
            return spanish_choice(string) or choice_name(string.message)
        if context.location not in _DESCRIPTIONS:
            return None
        return spanish(string)


def spanish(string: app_commands.locale_str) -> str | None:
    """The Spanish of one description, or None when the catalogue has none."""
    with reading_in("es"):
        summary = string.extras.get("summary")
        if summary:
            text = _(summary)
            text = text[:1].upper() + text[1:]
            if string.extras.get("organizer"):
                text = _("{summary} (organizers)", summary=text)
        else:
            text = _(string.message)
            if text == string.message:
                return None
    return text[:MAX_DESCRIPTION]


def spanish_choice(string: app_commands.locale_str) -> str | None:
    """The Spanish name of a choice with a label ("🚪 Puerta a puerta"), or None."""
    label = string.extras.get("label")
    if not isinstance(label, Label):
        return None
    with reading_in("es"):
        return str(Label(label.emoji, _(label.name)))[:MAX_CHOICE_NAME]


def choice_name(name: str) -> str | None:
    """The Spanish name of a choice named by its value (bot/kernel/intake/choice_names.py,
    "choice: VALUE"), or of a name that is a sentence of the catalogue itself; None when the
    catalogue has neither."""
    with reading_in("es"):
        named = f"choice: {name}"
        text = _(named)
        if text == named:
            text = _(name)
            if text == name:
                return None
    return text[:MAX_CHOICE_NAME]
