"""Calendar entries for sign-ups: an `.ics` file, a Google Calendar link, a private feed.

One sign-up is one calendar event. Its UID never changes, so a calendar that imported the
file or subscribed to the feed updates the same event when the shift moves (SEQUENCE goes up)
and strikes it when the shift is cancelled or the volunteer leaves (STATUS:CANCELLED). Times
are written in UTC: every calendar shows them in its owner's own zone.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from bot.domain.campaign import Campaign
from bot.domain.kinds import PHONE_BANK
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.kernel.i18n import _, current_language
from bot.kernel.intake.buttons import link_action
from bot.kernel.places import label, where_line
from bot.ports.replies import MAX_BUTTON_URL, Attachment, Button

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//Turnout//Shift calendar//EN"
ICS_MIME = "text/calendar"
GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
# How far back a feed still lists shifts: last week's stays in the calendar as it happened.
FEED_PAST = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """What one sign-up's event says: the shift, the seat's state and its reminder."""

    campaign: Campaign
    shift: Shift
    signup: Signup
    # The volunteer's first reminder before the start (the earliest one); None when off.
    alarm_before: timedelta | None
    sequence: int = 0

    @property
    def cancelled(self) -> bool:
        return self.shift.is_cancelled or self.signup.status is SignupStatus.CANCELLED

    @property
    def waitlisted(self) -> bool:
        return self.signup.status is SignupStatus.WAITLISTED

    @property
    def uid(self) -> str:
        return f"signup-{self.signup.id}.campaign-{self.campaign.id}@turnout"

    @property
    def fingerprint(self) -> str:
        """A digest of everything the event shows: a change of it is a new revision."""
        shown = "\x1f".join(
            (
                self.shift.starts_at.isoformat(),
                self.shift.ends_at.isoformat(),
                self.shift.title,
                self.shift.link or "",
                "cancelled" if self.cancelled else self.signup.status.value,
                str(self.alarm_before),
            )
        )
        return hashlib.sha256(shown.encode()).hexdigest()[:32]


def first_reminder(offsets: tuple[timedelta, ...]) -> timedelta | None:
    """The reminder that comes first (the longest before the start), or None without any."""
    return max(offsets) if offsets else None


def summary(shift: Shift, *, waitlisted: bool = False) -> str:
    """The event's title: `Phone bank: Saturday calls`, `🚪 Canvass: Saturday doors` (`Waitlist:
    …` while waiting)."""
    if waitlisted:
        return _("Waitlist: {title}", title=shift.title)
    if shift.kind is PHONE_BANK:
        return _("Phone bank: {title}", title=shift.title)
    return _("{kind}: {title}", kind=label(shift.kind), title=shift.title)


def _where(campaign: Campaign, shift: Shift) -> str:
    return _("{name}, shift #{number}.", name=campaign.name, number=shift.number)


def description(campaign: Campaign, shift: Shift, *, waitlisted: bool = False) -> str:
    """The event's notes: the campaign and shift, the dialer link, how to leave."""
    lines = [_where(campaign, shift)]
    if waitlisted:
        lines.append(_("You're on the waitlist: I'll message you if a seat opens."))
    if shift.link:
        lines.append(where_line(shift).lstrip("\n"))
    lines.append(_("Can't make it? /phonebank leave {number}", number=shift.number))
    return "\n".join(lines)


def event(entry: CalendarEntry, now: datetime) -> "Event":
    """The sign-up as one VEVENT (with its VALARM while it still stands)."""
    # Imported when the first entry is written, not at start-up (as bot/stats/charts.py does).
    from icalendar import Alarm, Event

    shift = entry.shift
    vevent = Event()
    vevent.add("uid", entry.uid)
    vevent.add("dtstamp", now.astimezone(UTC))
    vevent.add("dtstart", shift.starts_at.astimezone(UTC))
    vevent.add("dtend", shift.ends_at.astimezone(UTC))
    vevent.add("summary", summary(shift, waitlisted=entry.waitlisted))
    vevent.add("description", description(entry.campaign, shift, waitlisted=entry.waitlisted))
    if shift.link:
        vevent.add("url", shift.link)
    vevent.add("sequence", entry.sequence)
    if entry.cancelled:
        vevent.add("status", "CANCELLED")
        return vevent
    vevent.add("status", "TENTATIVE" if entry.waitlisted else "CONFIRMED")
    if entry.alarm_before is not None and not entry.waitlisted:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("{title} starts soon", title=shift.title))
        alarm.add("trigger", -entry.alarm_before)
        vevent.add_component(alarm)
    return vevent


def calendar(entries: list[CalendarEntry], now: datetime, *, name: str = "") -> bytes:
    """A VCALENDAR holding `entries`; `name` titles a subscribed feed."""
    # Imported with the first calendar written, like `event` above.
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    # An imported file publishes its events; a feed is the same, refreshed.
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    for entry in entries:
        cal.add_component(event(entry, now))
    return bytes(cal.to_ical())


# The lines of a one-event file that differ between two sign-ups on the same shift (UID,
# SEQUENCE) or between two moments (DTSTAMP); every other line is the shift's and the seat's.
_OWN_LINES = (b"DTSTAMP:", b"UID:", b"SEQUENCE:")


def one_event_file(entry: CalendarEntry, now: datetime) -> bytes:
    """`calendar([entry], now)`, byte for byte, rendered by icalendar once per shift revision.

    Every volunteer on a shift gets the same event but for its UID, SEQUENCE and DTSTAMP, and
    rendering it through icalendar costs a few hundred microseconds: about a sixth of a join.
    So the file is kept (per shift, seat state, alarm and reading language) with those three
    lines cut out, and they are written in for each sign-up.
    """
    # Everything the event is made of but the sign-up: the whole shift and campaign (so a
    # field a later version shows can't be left out of the key), the seat's state, the alarm
    # and the reading language.
    shown = (
        entry.campaign,
        entry.shift,
        entry.waitlisted,
        entry.cancelled,
        entry.alarm_before,
        current_language(),
    )
    lines = _kept.get(shown)
    if lines is None:
        if len(_kept) >= KEPT_FILES:
            _kept.clear()
        lines = _kept[shown] = _lines_of(entry)
    own = {
        b"DTSTAMP:": b"DTSTAMP:" + now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ").encode(),
        b"UID:": b"UID:" + entry.uid.encode(),
        b"SEQUENCE:": b"SEQUENCE:" + str(entry.sequence).encode(),
    }
    return b"\r\n".join(own.get(line, line) for line in lines)


# How many shift revisions' files are kept at most; past that the lot starts again.
KEPT_FILES = 512
_kept: dict[tuple[object, ...], tuple[bytes, ...]] = {}


def _lines_of(entry: CalendarEntry) -> tuple[bytes, ...]:
    """`entry`'s file as lines, its own lines (see one_event_file) replaced by their names."""
    lines = calendar([entry], datetime(2000, 1, 1, tzinfo=UTC)).split(b"\r\n")
    return tuple(
        next((name for name in _OWN_LINES if line.startswith(name)), line) for line in lines
    )


def ics_file(entry: CalendarEntry, now: datetime) -> Attachment:
    """The sign-up's event as a file to open in any calendar (a cancelled one takes it out)."""
    return Attachment(
        filename=f"shift-{entry.shift.number}.ics",
        content=one_event_file(entry, now),
        mime_type=ICS_MIME,
        title=(
            _("Remove #{number} from your calendar", number=entry.shift.number)
            if entry.cancelled
            else _("Add #{number} to your calendar", number=entry.shift.number)
        ),
    )


def _google_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_link(campaign: Campaign, shift: Shift) -> str:
    """A Google Calendar "new event" address filled in with the shift; no server needed.

    Short enough for any link button: the notes, then the title, give way if it would not be.
    """
    dates = f"{_google_time(shift.starts_at)}/{_google_time(shift.ends_at)}"
    title = summary(shift)
    for details in (description(campaign, shift), _where(campaign, shift)):
        url = _google_url(title, dates, details)
        if len(url) <= MAX_BUTTON_URL:
            return url
    while len(url) > MAX_BUTTON_URL:
        title = title[: len(title) * 3 // 4]
        url = _google_url(title, dates, "")
    return url


def _google_url(title: str, dates: str, details: str) -> str:
    query = {"action": "TEMPLATE", "text": title, "dates": dates}
    if details:
        query["details"] = details
    return f"{GOOGLE_TEMPLATE}?{urlencode(query)}"


def google_button(campaign: Campaign, shift: Shift) -> Button:
    """Add to calendar: a link button (it opens Google Calendar; it sends no action back)."""
    return Button(
        _("Add to calendar"),
        link_action(f"calendar:{shift.number}"),
        url=google_link(campaign, shift),
    )
