"""What the desk's pages say, as whole sentences from the translation catalogue.

Templates show `_(W.NAME)` (or `_(W.NAME, value=...)`); the sentences are written here, in
Python, so `pybabel extract` finds them with the rest.
"""

from bot.kernel.i18n import N_


class W:
    DESK = N_("Organizer's desk")
    SKIP = N_("Skip to the page")
    SHIFTS = N_("Shifts")
    PEOPLE = N_("People")
    NUMBERS = N_("Numbers")
    SIGN_OUT = N_("Sign out")
    SIGNED_IN_AS = N_("Signed in as {name}")
    ALL = N_("All")
    THIS_WEEK = N_("This week")
    NEEDS_PEOPLE = N_("Needs people")
    UNREPORTED = N_("Ended without a report")
    FILTER = N_("Show")
    UPCOMING = N_("Upcoming")
    RECENT = N_("Recent")
    NO_SHIFTS = N_("No shifts here.")
    SHIFT = N_("Shift")
    KIND = N_("Kind")
    WHEN = N_("When")
    SEATS = N_("Seats")
    WAITLIST = N_("Waiting")
    CONFIRMED = N_("Said I'll be there")
    CHECKED_IN = N_("Checked in")
    FILLED = N_("{confirmed} of {capacity} seats filled")
    CANCELLED = N_("Cancelled")
    TIMES_IN = N_("Times are in {zone}.")
    ROSTER = N_("Roster")
    NOBODY = N_("Nobody has signed up yet.")
    NAME = N_("Name")
    STATUS = N_("Seat")
    ATTENDANCE = N_("Attendance")
    ACTIONS = N_("Actions")
    YES = N_("yes")
    NO = N_("no")
    HERE = N_("Here")
    NO_SHOW = N_("No-show")
    REMOVE = N_("Remove")
    MOVE_TO = N_("Move to shift")
    MOVE = N_("Move")
    ADD_PERSON = N_("Add a person")
    WHO = N_("Their name or #number")
    ADD = N_("Add")
    ANNOUNCE = N_("Announce")
    MESSAGE = N_("Message to everyone confirmed")
    ALSO_WAITLIST = N_("Also everyone on the waitlist")
    SEND = N_("Send")
    WRAP_UP = N_("Wrap-up")
    SEARCH_LABEL = N_("Name or #number")
    FIND = N_("Find")
    THEIR_PEOPLE = N_("People on your shifts")
    PERIOD = N_("Period")
    LAST_7 = N_("Last 7 days")
    LAST_30 = N_("Last 30 days")
    LAST_90 = N_("Last 90 days")
    EVERYTHING = N_("Everything")
    SHOW_NUMBERS = N_("Show")
    EXPORTS = N_("Exports")
    EXPORTS_NOTE = N_(
        "Each file comes only to you; the organizers' channel is told, as when asked in chat."
    )
    DOWNLOAD = N_("Download {kind} (CSV)")
    BACK = N_("Back to shifts")
    NOT_FOUND = N_("There's no such shift on your desk. Go back to the shifts to pick one.")
    ASK_AGAIN = N_(
        "This sign-in link can't be used: it was already opened, it's more than 15 minutes "
        "old, or it isn't one Turnout made. Ask for a new one with `/turnout desk` in chat."
    )
    SIGNED_OUT = N_(
        "You're signed out, or your session has ended. Ask for a new sign-in link with "
        "`/turnout desk` in chat."
    )
    STALE_FORM = N_(
        "This form is out of date, so nothing was changed. Reload the page and try again."
    )
    TOO_MANY = N_("Too many sign-in attempts from here. Wait a minute, then open your link again.")
    NOT_A_NUMBER = N_("Pick a shift number from the list, like 3.")
    DONE_SIGNED_OUT = N_("You're signed out of the desk on every device.")
