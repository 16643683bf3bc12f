"""After the sign-up: `/phonebank confirm`, `checkin`, `attendance`, `mark`, `debrief`,
`report` and `nudge`; `/volunteer history`; and `/turnout confirm-check`."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from bot.attendance import confirmation, debrief, history, presence
from bot.attendance.commands import (
    CheckIn,
    ConfirmShift,
    Debrief,
    DebriefMissed,
    MarkAttendance,
    NudgeShift,
    SetConfirmCheck,
    ShowAttendance,
    ShowHistory,
    ShowReport,
    StartDebrief,
)
from bot.domain.attendance import CHECKIN_OPENS, MAX_COUNT, MAX_NOTES, read_count, read_notes
from bot.domain.attendance import read_confirm_check as check_before
from bot.domain.errors import UserError
from bot.domain.text import MAX_NAME, clean_text
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import N_, _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.groups import shift
from bot.kernel.intake.typed_values import Usage

TOPIC = Topic(
    "attendance",
    N_("Attendance"),
    "organizers.md#one-outcome-per-seat",
    N_("take a shift's register, read its totals and ask volunteers to say they're still coming"),
    everyone_doc="volunteers.md#before-during-and-after-a-shift",
)

MARKS = ("here", "no-show")


def read_mark(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank mark <shift> <who> here|no-show`: the last word is the mark, a name between."""
    number = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    rest = words.rest()
    who, _skip, mark = rest.rpartition(" ")
    if not who.strip() or not mark:
        raise UserError(_("I'm missing who and `here` or `no-show`. {hint}", hint=words.hint))
    return MarkAttendance(actor, shift=number, who=who.strip(), mark=mark)


def mark_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """The same command from a menu's options (Discord)."""
    return MarkAttendance(
        actor, shift=int(options["shift"]), who=str(options["who"]), mark=str(options["mark"])
    )


def read_confirm_check(words: typed.Words) -> timedelta | None:
    """`12h` (1h to 72h) or `off`."""
    text = words.rest()
    if not text:
        raise UserError(
            _("I'm missing how long before each shift, or `off`. {hint}", hint=words.hint)
        )
    return check_before(text)


def read_debrief(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank debrief <shift> <calls> <conversations> [notes]` or `… missed`; bare: form."""
    number = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    first = words.take()
    if first is None:
        return StartDebrief(actor, shift=number)
    if first.text.casefold() == "missed":
        words.end()
        return DebriefMissed(actor, shift=number)
    calls = read_count(first.text, "calls")
    conversations = read_count(words.need(_("the number of conversations")).text, "conversations")
    notes = words.rest()
    return Debrief(
        actor,
        shift=number,
        calls=calls,
        conversations=conversations,
        notes=read_notes(notes),
    )


def debrief_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """The same from a menu's options: no counts opens the form; calls `missed` records it."""
    number = int(options["shift"])
    calls = str(options.get("calls") or "").strip()
    if not calls:
        return StartDebrief(actor, shift=number)
    if calls.casefold() == "missed":
        return DebriefMissed(actor, shift=number)
    notes = str(options.get("notes") or "").strip()
    return Debrief(
        actor,
        shift=number,
        calls=read_count(calls, "calls"),
        conversations=read_count(str(options.get("conversations") or "0"), "conversations"),
        notes=read_notes(notes),
    )


def read_shift_debrief(actor: Actor, words: typed.Words) -> Command:
    """`/shift debrief <shift> <count> <count> [notes]`: the counts its kind asks, in its order.

    Read before the shift (and so its kind) is known, so a wrong count is refused in words
    that fit every kind; the handler then names the kind's own counts."""
    number = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    first = words.take()
    if first is None:
        return StartDebrief(actor, shift=number)
    if first.text.casefold() == "missed":
        words.end()
        return DebriefMissed(actor, shift=number)
    second = words.need(_("the second count"))
    notes = words.rest()
    return Debrief(
        actor,
        shift=number,
        calls=_neutral_count(first.text, number),
        conversations=_neutral_count(second.text, number),
        notes=read_notes(notes),
    )


def shift_debrief_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """`/shift debrief` from a menu: `first` and `second` are the counts its kind asks."""
    number = int(options["shift"])
    first = str(options.get("first") or "").strip()
    if not first:
        return StartDebrief(actor, shift=number)
    if first.casefold() == "missed":
        return DebriefMissed(actor, shift=number)
    notes = str(options.get("notes") or "").strip()
    return Debrief(
        actor,
        shift=number,
        calls=_neutral_count(first, number),
        conversations=_neutral_count(str(options.get("second") or "0"), number),
        notes=read_notes(notes),
    )


def _neutral_count(text: str, number: int) -> int:
    try:
        return read_count(text, "counts")
    except UserError:
        raise UserError(
            _(
                "Each count should be a whole number from 0 to {most:,}, first the calls, "
                "doors or texts and then the conversations or replies, like "
                "`/shift debrief {number} 40 12`.",
                most=MAX_COUNT,
                number=number,
            )
        ) from None


def history_who(words: typed.Words) -> str:
    """The rest of the line as a name or #number; empty for the asker's own history."""
    who = words.rest()
    return clean_text(who, what="name", limit=MAX_NAME) if who else ""


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "confirm",
        Usage(
            "/phonebank confirm <shift>", "/phonebank confirm 3", N_("say you'll be there for sure")
        ),
        ConfirmShift,
        presence.confirm,
        params=(shift(Pick.MY_SHIFTS),),
        hint="confirm 3",
    ),
    Entry(
        "phonebank",
        "checkin",
        Usage(
            "/phonebank checkin <shift>",
            "/phonebank checkin 3",
            f"tell us you're there (from {timefmt.span(CHECKIN_OPENS)} before the start)",
        ),
        CheckIn,
        presence.check_in,
        params=(shift(),),
        hint="checkin 3",
    ),
    Entry(
        "phonebank",
        "attendance",
        Usage(
            "/phonebank attendance <shift>",
            "/phonebank attendance 3",
            N_("who came to a shift, with Here and No-show buttons"),
        ),
        ShowAttendance,
        presence.show_attendance,
        reads_only=True,
        who=Who.HOST,
        params=(shift(),),
    ),
    Entry(
        "phonebank",
        "mark",
        Usage(
            "/phonebank mark <shift> <who> here|no-show",
            "/phonebank mark 3 #12 here",
            N_("mark someone as here or a no-show (until 7 days after the end)"),
        ),
        MarkAttendance,
        presence.mark,
        who=Who.HOST,
        params=(
            shift(),
            Param("who", Kind.TEXT, "Their name or number, like #12", max_length=MAX_NAME),
            Param("mark", Kind.TOPIC, "here or no-show", choices=MARKS),
        ),
        text=read_mark,
        options=mark_options,
    ),
    Entry(
        "phonebank",
        "debrief",
        Usage(
            "/phonebank debrief <shift> <calls> <conversations> [notes] | <shift> missed",
            "/phonebank debrief 3 40 12 Great script",
            N_("tell organizers how your shift went"),
        ),
        Debrief,
        debrief.debrief,
        params=(
            shift(Pick.MY_SHIFTS),
            Param("calls", Kind.TEXT, "Calls made (0 to 1,000), or missed", required=False),
            Param(
                "conversations",
                Kind.TEXT,
                "Conversations had (0 to 1,000, and no more than the calls)",
                required=False,
            ),
            Param(
                "notes",
                Kind.TEXT,
                "Anything organizers should know (optional)",
                required=False,
                max_length=MAX_NOTES,
            ),
        ),
        text=read_debrief,
        options=debrief_options,
        also={StartDebrief: debrief.start_debrief, DebriefMissed: debrief.debrief_missed},
        hint="debrief 3 40 12",
    ),
    Entry(
        "phonebank",
        "report",
        Usage(
            "/phonebank report <shift>",
            "/phonebank report 3",
            N_("a shift's wrap-up: who came, calls, conversations, notes"),
        ),
        ShowReport,
        debrief.show_report,
        reads_only=True,
        who=Who.HOST,
        params=(shift(),),
    ),
    Entry(
        "phonebank",
        "nudge",
        Usage(
            "/phonebank nudge <shift>",
            "/phonebank nudge 3",
            N_("DM everyone confirmed who hasn't said “I'll be there” (once per shift)"),
        ),
        NudgeShift,
        confirmation.nudge,
        who=Who.HOST,
        params=(shift(),),
    ),
    # `/shift debrief`: `/phonebank debrief` for every kind, its counts named kind-neutrally
    # (`/shift` derives every other verb from `/phonebank`'s entry).
    Entry(
        "shift",
        "debrief",
        Usage(
            "/shift debrief <shift> <count> <count> [notes] | <shift> missed",
            "/shift debrief 3 40 12 Great turf",
            N_(
                "tell organizers how your shift went: calls and conversations for a phone "
                "bank, doors knocked and conversations for a canvass, texts sent and replies "
                "for a text bank; alone, it opens the form (a training, a meeting or an office "
                "shift asks only for a note)"
            ),
        ),
        Debrief,
        debrief.debrief,
        params=(
            shift(Pick.MY_SHIFTS),
            Param(
                "first",
                Kind.TEXT,
                "Calls, doors or texts (0 to 1,000), or missed",
                required=False,
                field="calls",
            ),
            Param(
                "second",
                Kind.TEXT,
                "Conversations or replies (0 to 1,000, no more than the first)",
                required=False,
                field="conversations",
            ),
            Param(
                "notes",
                Kind.TEXT,
                "Anything organizers should know (optional)",
                required=False,
                max_length=MAX_NOTES,
            ),
        ),
        text=read_shift_debrief,
        options=shift_debrief_options,
        also={StartDebrief: debrief.start_debrief, DebriefMissed: debrief.debrief_missed},
        hint="debrief 3 40 12",
    ),
    Entry(
        "volunteer",
        "history",
        Usage(
            "/volunteer history [who]",
            "/volunteer history",
            N_(
                "shifts you signed up for, attended and missed, calls and show rate "
                "(organizers: anyone's)"
            ),
        ),
        ShowHistory,
        history.show_history,
        reads_only=True,
        params=(
            Param(
                "who",
                Kind.TEXT,
                "Organizers: their name or number, like #12 (leave out for your own)",
                required=False,
                max_length=MAX_NAME,
                read=history_who,
            ),
        ),
        hint="history",
    ),
    Entry(
        "turnout",
        "confirm-check",
        Usage(
            "/turnout confirm-check <12h | off>",
            "/turnout confirm-check 12h",
            N_("when organizers get each shift's confirmation check (1h to 72h before), or off"),
        ),
        SetConfirmCheck,
        confirmation.set_confirm_check,
        who=Who.ORGANIZER,
        params=(
            Param(
                "before",
                Kind.TEXT,
                "How long before each shift, like 12h; or off",
                max_length=12,
                read=read_confirm_check,
            ),
        ),
        hint="confirm-check 12h",
    ),
)
