"""Translation: every sentence a person reads, in the language of the person reading it.

English is the source: a sentence is written once, in English, through `_` (or `ngettext` when
it counts something), with named placeholders (`{title}`) a translator may move anywhere in it.
Whose language a sentence is rendered in is the context's: `reading_in` sets it for a command
(the actor's) or a notice (its recipient's, at send time); outside one it is English.

Catalogues are the `.po` files under `bot/locale/<language>/LC_MESSAGES/turnout.po`, compiled
in memory the first time a language is read, so there is no build step anyone must remember.
`xx` is a pseudo-language for tests: every translated sentence comes back between ⟦ and ⟧, so
English left outside them was never translated.
"""

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from bot.domain.errors import UserError
from bot.domain.text import N_

SOURCE_LANGUAGE = "en"
DOMAIN = "turnout"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
# The pseudo-language of the tests (never offered to people).
PSEUDO = "xx"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"
# The languages people may choose or be given: a catalogue joins only once it translates every
# sentence (tests/unit/test_translations.py holds each one here to that).
OFFERED_LANGUAGES: tuple[str, ...] = (SOURCE_LANGUAGE, "es")
# What `/volunteer language auto` stores: follow the platform's locale, else the campaign's.
AUTO = "auto"

__all__ = [
    "N_",
    "_",
    "available_languages",
    "babel_locale",
    "current_language",
    "language_of",
    "marked",
    "ngettext",
    "reading_in",
    "refusal",
]

_reading: ContextVar[str] = ContextVar("turnout_reading_language", default=SOURCE_LANGUAGE)


def _(message: str, /, **values: object) -> str:
    """`message` in the reader's language, with `values` put in its `{named}` placeholders."""
    text = _catalogue(_reading.get()).gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of a counting sentence for `count` in the reader's language; `{count}` and
    `values` are put in its placeholders."""
    text = _catalogue(_reading.get()).ngettext(singular, plural, count)
    return text.format(count=count, **values)


def refusal(error: UserError) -> str:
    """What a refused person reads: the error's sentence in their language, with its values."""
    return _(error.sentence, **error.values)


def current_language() -> str:
    """The language sentences are rendered in here."""
    return _reading.get()


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Render the sentences written inside in `language` (a code such as `es`)."""
    token = _reading.set(language or SOURCE_LANGUAGE)
    try:
        yield
    finally:
        _reading.reset(token)


def language_of(locale: str | None) -> str:
    """The offered language a platform's locale names (`es-419`, `es-ES`, `es_LA`, `en-US`:
    `es`, `es`, `es`, `en`); "" when it names none Turnout offers (or nothing)."""
    code = (locale or "").replace("_", "-").split("-")[0].strip().lower()
    return code if code in OFFERED_LANGUAGES else ""


# The locale each language's dates and numbers are written in (Spanish as written in the
# United States, where Turnout's campaigns are: `6:00 p.m.`, `12,345`).
_BABEL_LOCALES = {"es": "es_US"}


def babel_locale() -> str | None:
    """The locale Babel formats dates and numbers in for the reader; None when they read
    English (or the pseudo-language), which Turnout writes as it always has."""
    language = _reading.get()
    if language in (SOURCE_LANGUAGE, PSEUDO):
        return None
    return _BABEL_LOCALES.get(language, language)


def marked(text: str) -> str:
    """`text` formatted for the reader's locale (a date, a time): between the pseudo-language's
    markers when that is the language, as it is as written otherwise."""
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if _reading.get() == PSEUDO else text


def available_languages() -> tuple[str, ...]:
    """English and every language a catalogue is kept for, by code."""
    found = sorted(
        path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    )
    return (SOURCE_LANGUAGE, *found)


def po_path(language: str) -> Path:
    """Where `language`'s catalogue is kept."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


class _Pseudo(gettext.NullTranslations):
    """Every sentence between markers, so English outside them stands out."""

    def gettext(self, message: str) -> str:
        return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"{PSEUDO_OPEN}{msgid1 if n == 1 else msgid2}{PSEUDO_CLOSE}"


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == PSEUDO:
        return _Pseudo()
    path = po_path(language)
    if language == SOURCE_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)
