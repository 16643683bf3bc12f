"""How typed shift commands with a grammar of their own become commands."""

from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_ANNOUNCEMENT
from bot.domain.text import MAX_NAME, clean_text
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import TextReader
from bot.kernel.intake.parsing import person
from bot.shifts.commands import (
    AddToShift,
    Announce,
    CancelShift,
    MoveBetweenShifts,
    RemoveFromShift,
)
from bot.signups import LeaveShift


def add_to_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank add <shift> <who> [over] [confirm]`: the name may have spaces; `over` and
    `confirm` come last, in either order."""
    shift = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    who = person(words)
    found: set[str] = set()
    while True:
        name, _skip, last = who.rpartition(" ")
        keyword = last.lower()
        if not name.strip() or keyword not in {"over", "confirm"} - found:
            break
        found.add(keyword)
        who = name.strip()
    # `as <position>` ends the name, on a shift with positions.
    name, separator, position = who.rpartition(" as ")
    if separator and name.strip() and position and " " not in position.strip():
        who = name.strip()
    else:
        position = ""
    return AddToShift(
        actor,
        shift=shift,
        who=who,
        over="over" in found,
        confirm="confirm" in found,
        position=position.strip(),
    )


def remove_from_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank remove <shift> <who>`."""
    shift = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    return RemoveFromShift(actor, shift=shift, who=person(words))


def move_between_shifts(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank move <who> <from-shift> <to-shift>`: the last two words are the shifts."""
    parts = words.rest().rsplit(None, 2)
    if len(parts) < 3:
        raise UserError(
            _(
                "I need who, the shift they're on and the shift to move them to. {hint}",
                hint=words.hint,
            )
        )
    who, from_word, to_word = parts
    example = words.usage.example
    return MoveBetweenShifts(
        actor,
        who=clean_text(who, what="name", limit=MAX_NAME),
        from_shift=typed.number(typed.Word(from_word, False), _("shift number"), example),
        to_shift=typed.number(typed.Word(to_word, False), _("shift number"), example),
    )


def with_following(build: type[CancelShift] | type[LeaveShift]) -> TextReader:
    """`/phonebank cancel|leave <shift> [following]`."""

    def read(actor: Actor, words: typed.Words) -> Command:
        shift = typed.number(
            words.need(_("the shift number")), _("shift number"), words.usage.example
        )
        word = words.take()
        if word is not None and word.text.lower() != "following":
            raise UserError(
                _(
                    "I didn't expect {shown} there. {hint}",
                    shown=typed.shown(word.text),
                    hint=words.hint,
                )
            )
        words.end()
        return build(actor, shift=shift, following=word is not None)

    return read


def announce(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank announce <shift> [waitlist] <message>`: `waitlist` typed as is, in lower
    case, before the message; "Waitlist news…" is the message's own first word."""
    shift = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    waitlist = words.peek_bare() == "waitlist"
    if waitlist:
        words.take()
    return Announce(actor, shift=shift, message=announcement(words), waitlist=waitlist)


def announcement(words: typed.Words) -> str:
    """The rest of the line as a message to everyone on a shift."""
    message = words.rest()
    if not message:
        raise UserError(_("I'm missing the message. {hint}", hint=words.hint))
    return clean_text(message, what="announcement", limit=MAX_ANNOUNCEMENT, multiline=True)
