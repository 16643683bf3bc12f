"""Rules for text that people write and other people read."""

import re
import unicodedata

from bot.domain.errors import UserError


def N_(message: str, /) -> str:
    """Mark a sentence written where it can't be translated yet (a label, a constant read at
    import) for the catalogue; whoever shows it to a person translates it then, with
    `bot.kernel.i18n._`. Stored data and exports use it as it is, in English."""
    return message


# Shift and task titles, and names people type, fit a line of a list.
MAX_TITLE = 100
MAX_NAME = 100

# Pings of many people on any platform: @everyone/@here/@channel, Slack's <!channel>,
# <!here>, <!everyone>, Discord's <@&role>. Checked after look-alikes of `<` and `@` are folded
# (below), so `＜!here>` or `＠everyone` is refused like the real thing. Any other markup (a
# person, a channel, a user group) is shown as inert text: escaped on Slack, never parsed on
# Discord.
_MENTION = re.compile(r"@(everyone|here|channel)\b|<!(channel|here|everyone)\b|<@&", re.I)
# A look-alike bracket before a mention sign: a fake mention meant to deceive (`‹@U…>`).
_FAKE_MENTION = re.compile(r"[‹〈⟨❮❬⧼《≺＜﹤]\s*[@#!＠﹫]")
# Brackets and at-signs that look like `<` and `@` but that NFKC leaves alone.
_LOOK_ALIKES = str.maketrans(dict.fromkeys("‹〈⟨❮❬⧼《≺", "<") | dict.fromkeys("＠﹫", "@"))
# Characters that show as nothing: fillers and blank patterns that are "letters" or "symbols".
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u200b\u2060\ufeff")
# Line and paragraph separators render as a new line: never in one-line text.
_LINE_BREAKS = frozenset("\u2028\u2029")
# Unicode's noncharacters, reserved for a program's own use: Turnout marks times with them
# (bot/kernel/timefmt.py), so people's text never keeps one and can't pass for a marked time.
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")


def without_marks(text: str) -> str:
    """`text` with every noncharacter removed."""
    return _NONCHARACTERS.sub("", text)


def clean_text(text: str, *, what: str, limit: int, multiline: bool = False) -> str:
    """Trim and check text a person wrote; raise a friendly UserError if it can't be shown."""
    cleaned = without_marks(text).strip()
    if not cleaned:
        raise UserError(N_("The {what} is empty: please write a few words."), what=what)
    if multiline:
        # A separator is a line break: kept as the plain one everyone renders alike.
        cleaned = cleaned.translate(dict.fromkeys(map(ord, _LINE_BREAKS), "\n"))
    elif any(c in _LINE_BREAKS for c in cleaned):
        raise UserError(
            N_("The {what} must be one line; please type it without line breaks."), what=what
        )
    if not any(_visible(c) for c in cleaned):
        raise UserError(N_("The {what} is empty: please write a few words."), what=what)
    allowed = "\n\t" if multiline else ""
    if any(_control(cleaned, i, allowed) for i in range(len(cleaned))):
        raise UserError(
            N_("The {what} contains control characters; please type it as plain text."), what=what
        )
    if len(cleaned) > limit:
        raise UserError(
            N_("The {what} is {length:,} characters long; please keep it under {limit}."),
            what=what,
            length=len(cleaned),
            limit=limit,
        )
    if _MENTION.search(unicodedata.normalize("NFKC", cleaned).translate(_LOOK_ALIKES)):
        raise UserError(
            N_(
                "The {what} can't mention @everyone, @here, a channel or a role. "
                "Turnout messages the right people itself; please remove the mention."
            ),
            what=what,
        )
    if _FAKE_MENTION.search(cleaned):
        raise UserError(
            N_(
                "The {what} has something that looks like a mention but isn't; please write it "
                "without the bracket before the @, # or !."
            ),
            what=what,
        )
    return cleaned


# Format characters that belong inside an emoji: the joiner of 👩‍💻 and 🏳️‍🌈, and the tags
# that spell a subdivision flag after a black flag (🏴 + `gbsct` + cancel tag).
_ZWJ = "\u200d"
_BLACK_FLAG = "\U0001f3f4"
_TAGS = range(0xE0020, 0xE0080)
_PRESENTATION = "\ufe0e\ufe0f\u20e3"  # text or emoji style of the character before, keycap


def _control(text: str, i: int, allowed: str) -> bool:
    """Whether `text[i]` is a control or format character that isn't part of an emoji."""
    char = text[i]
    if char in allowed or unicodedata.category(char) not in ("Cc", "Cf"):
        return False
    if char == _ZWJ:
        # Joins two emoji: after a symbol (a skin tone or presentation selector may sit between)
        # and before one.
        return not (0 < i < len(text) - 1 and _emoji_end(text[i - 1]) and _emoji(text[i + 1]))
    if ord(char) in _TAGS:
        start = i
        while start > 0 and ord(text[start - 1]) in _TAGS:
            start -= 1
        return not (start > 0 and text[start - 1] == _BLACK_FLAG)
    return True


def _emoji(char: str) -> bool:
    return unicodedata.category(char) == "So"


def _emoji_end(char: str) -> bool:
    return _emoji(char) or unicodedata.category(char) == "Sk" or char in _PRESENTATION


def _visible(char: str) -> bool:
    return not (
        char.isspace()
        or char in _INVISIBLE
        or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me", "Zl", "Zp")
    )


# Display names come from platforms as people set them; this long is plenty for any real one.
MAX_DISPLAY_NAME = 80


def clean_name(name: str) -> str:
    """A display name fit for messages and logs: no control characters or line breaks (which
    could forge a log line or a second message line), spaces collapsed, at most MAX_DISPLAY_NAME."""
    spaced = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") and c != _ZWJ else c
        for c in without_marks(name)
    )
    return " ".join(spaced.split())[:MAX_DISPLAY_NAME]
