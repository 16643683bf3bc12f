"""The words people may type as answers in English or in Spanish, whatever their language.

Commands and option names stay English, but where a form or a command asks a word (a weekday,
yes or no, skip), a Spanish speaker types it in Spanish: `mar,jue`, `sí`, `omitir`. Both
languages are read for everyone; no English answer means something else in Spanish.
"""

import unicodedata

# Monday is 0, as datetime and rrule count.
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SPANISH_WEEKDAYS = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
# Spanish abbreviations, as calendars print them (accents dropped before looking up).
_SPANISH_SHORT = ("lun", "mar", "mie", "jue", "vie", "sab", "dom")

YES = frozenset({"yes", "y", "si"})
NO = frozenset({"no", "n"})
# Besides the console's `-`: what people type to leave an optional answer empty.
SKIP = frozenset({"skip", "omitir", "saltar"})


def plain(word: str) -> str:
    """`Miércoles.` as `miercoles`: lower case, accents and a closing full stop dropped."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold().removesuffix("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def weekday(word: str) -> int | None:
    """The weekday a word names (Monday 0), or None.

    English: the name or any start of it three letters long or more (`tue`, `thurs`); Spanish:
    the name or its abbreviation, with or without accents (`miércoles`, `mie`, `sáb`).
    """
    typed = plain(word)
    if typed in _SPANISH_WEEKDAYS:
        return _SPANISH_WEEKDAYS.index(typed)
    if typed in _SPANISH_SHORT:
        return _SPANISH_SHORT.index(typed)
    if len(typed) >= 3:
        for number, name in enumerate(_ENGLISH_WEEKDAYS):
            if name.startswith(typed):
                return number
    return None


def yes_or_no(word: str) -> bool | None:
    """True for yes (`sí`, `si`), False for no, None for anything else."""
    typed = plain(word)
    if typed in YES:
        return True
    if typed in NO:
        return False
    return None


def skips(word: str) -> bool:
    """Whether the word asks to leave an answer empty (`skip`, `omitir`, `saltar`)."""
    return plain(word) in SKIP
