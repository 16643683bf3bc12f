"""Names for the choices commands offer, for platforms that show a choice by name in the
reader's language (Discord's `name_localizations`). The values people type and the commands
receive stay English; a new choice needs its name here (tests/adapters/discord checks).
"""

from bot.kernel.i18n import N_

# "choice: VALUE": the value as a person picks it from a list.
CHOICE_NAMES = (
    N_("choice: title"),
    N_("choice: date"),
    N_("choice: time"),
    N_("choice: length"),
    N_("choice: seats"),
    N_("choice: link"),
    N_("choice: here"),
    N_("choice: no-show"),
    N_("choice: phonebank"),
    N_("choice: canvass"),
    N_("choice: textbank"),
    N_("choice: training"),
    N_("choice: meeting"),
    N_("choice: office"),
    N_("choice: due"),
    N_("choice: slots"),
    N_("choice: details"),
    N_("choice: en"),
    N_("choice: es"),
    N_("choice: auto"),
    N_("choice: off"),
    N_("choice: on"),
    N_("choice: 7d"),
    N_("choice: 30d"),
    N_("choice: 90d"),
    N_("choice: all"),
    N_("choice: volunteers"),
    N_("choice: signups"),
    N_("choice: shifts"),
    N_("choice: tasks"),
    N_("choice: shift"),
    N_("choice: task"),
    N_("choice: volunteer"),
    N_("choice: turnout"),
    # `/turnout help`'s topics beyond the groups.
    N_("choice: attendance"),
    N_("choice: calendars"),
    N_("choice: desk"),
    N_("choice: hosts"),
    N_("choice: linking"),
    N_("choice: numbers"),
    N_("choice: positions"),
    N_("choice: posts"),
    N_("choice: series"),
    N_("choice: settings"),
    N_("choice: organizers"),
    # `/turnout organizers`' changes.
    N_("choice: add"),
    N_("choice: remove"),
    N_("choice: group"),
)
