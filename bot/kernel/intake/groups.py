"""The catalogue's groups: the four slash commands, and the parameters their entries share."""

from collections.abc import Callable
from typing import Any

from bot.domain.errors import UserError
from bot.domain.timing import MAX_ZONE_NAME
from bot.kernel.i18n import AUTO, N_, OFFERED_LANGUAGES, _
from bot.kernel.intake import parsing
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Group, Kind, Param

GROUPS: tuple[Group, ...] = (
    Group(
        "phonebank",
        alone="list",
        heading=N_("Phone bank shifts"),
        description=N_("Phone bank shifts"),
        menu_description="Phone bank shifts - list them, join, leave, see yours",
        organizers_have=N_(
            "create, edit, repeat, post and cancel shifts, book, move and remove "
            "volunteers, and choose hosts and approve or decline their offers"
        ),
        overview=N_("sign up for phone bank shifts"),
    ),
    Group(
        "shift",
        alone="list",
        heading=N_("Shifts of every kind"),
        description="Shifts of every kind: canvasses, text banks, trainings and more",
        menu_description="Shifts of every kind - canvass, text bank, training, meeting, office",
        organizers_have=N_(
            "create shifts of any kind, edit, repeat, post and cancel them, book, move and "
            "remove volunteers, and choose hosts and approve or decline their offers"
        ),
        overview=N_("sign up for canvasses, text banks, trainings, meetings and office shifts"),
    ),
    Group(
        "task",
        alone="list",
        heading=N_("Tasks"),
        description=N_("Tasks that need doing"),
        menu_description="Volunteer tasks - list, claim, finish, release",
        organizers_have=N_("post, edit and cancel tasks"),
        overview=N_("claim tasks that need doing"),
    ),
    Group(
        "volunteer",
        alone="help",
        heading=N_("You and your settings"),
        description=N_("You and your settings"),
        menu_description="Your profile, time zone and reminders; new volunteers for organizers",
        organizers_have=N_("see new volunteers and note who has been contacted"),
        overview=N_("your time zone, reminders and profile"),
    ),
    Group(
        "turnout",
        alone="help",
        heading=N_("Campaign settings"),
        description=N_("Campaign settings and help"),
        menu_description="Help; the campaign's numbers, weekly digest, time zone and reminders",
        organizers_have=N_(
            "see the campaign's numbers, export its data, name more organizers, and set the "
            "weekly digest, the confirmation check, the campaign's time zone and default "
            "reminders"
        ),
    ),
)
TOPICS = tuple(group.name for group in GROUPS)


def number(name: str, about: str, pick: Pick | None = None) -> Param:
    """A required `<name> number` (1 to a million), offered with `pick` where menus can."""
    return Param(name, Kind.NUMBER, about, what=f"{name} number", pick=pick)


def shift(pick: Pick = Pick.UPCOMING_SHIFTS) -> Param:
    """The shift a command acts on, offered from `pick` (upcoming shifts unless told)."""
    return number("shift", _("The shift's number; start typing its number or title"), pick)


def task(pick: Pick) -> Param:
    """The task a command acts on, offered from `pick`."""
    return number("task", _("The task's number; start typing its number or title"), pick)


# A volunteer an organizer names: the rest of the line, a name or `#number`.
WHO = Param("who", Kind.TEXT, "The volunteer's name or #number", read=parsing.person)

ZONE = Param(
    "zone",
    Kind.TEXT,
    "An Area/City time zone, like America/Chicago",
    max_length=MAX_ZONE_NAME,
    pick=Pick.ZONES,
    read=typed.zone,
)
# A date, a time of day or a length, typed as an option: `2026-11-28`, `6:30pm`, `1h30m`.
SHORT = 20


def reminder_times(read: Callable[[typed.Words], Any]) -> Param:
    """Reminder times typed as `24h,1h`, `off` or `default`, read into offsets by `read`."""
    return Param(
        "times",
        Kind.TEXT,
        _("Hours or minutes before a shift, like 24h,1h; or off, or default"),
        max_length=typed.MAX_REMINDER_TEXT,
        read=read,
        field="offsets",
    )


ABOUT_LANGUAGE = N_("es for Spanish, en for English")
ABOUT_OWN_LANGUAGE = N_("es for Spanish, en for English, auto to follow your platform")


def language(*, auto: bool) -> Param:
    """A language to read Turnout in, by its code (`es`, `en`); with `auto`, also `auto`: the
    platform's."""
    choices = (*OFFERED_LANGUAGES, AUTO) if auto else OFFERED_LANGUAGES

    def read(words: typed.Words) -> str:
        word = words.need(_("the language"))
        code = word.text.lower()
        words.end()
        if code not in choices:
            raise UserError(
                _(
                    "I don't offer {shown}; type one of {choices}.",
                    shown=typed.shown(word.text),
                    choices=", ".join(f"`{c}`" for c in choices),
                )
            )
        return code

    return Param(
        "language",
        Kind.TOPIC,
        ABOUT_OWN_LANGUAGE if auto else ABOUT_LANGUAGE,
        choices=choices,
        read=read,
    )
