"""Where a shift happens, as its messages say it: a phone bank's dialer line as it always
read, another kind's own reminder or check-in sentence, an address with a map link."""

from bot.domain.kinds import PHONE_BANK, ShiftKind, is_link, map_link
from bot.domain.phonebank import Shift
from bot.kernel.i18n import _


def label(kind: ShiftKind) -> str:
    """The kind as people read it: its emoji and its name in the reader's language."""
    return f"{kind.emoji} {_(kind.name)}"


def where(shift: Shift) -> str:
    """The shift's link, or its address followed by a map link ("" if it names neither)."""
    if not shift.link:
        return ""
    if is_link(shift.link):
        return shift.link
    return _("{address} (map: {url})", address=shift.link, url=map_link(shift.link))


def where_line(shift: Shift, *, check_in: bool = False) -> str:
    """A new line saying where to go or what to open, in the kind's own words ("" if the
    shift names no place); `check_in` for the message sent as the shift starts."""
    if not shift.link:
        return ""
    if shift.kind is PHONE_BANK:
        return _("\nDialer and script: {link}", link=shift.link)
    sentence = shift.kind.check_in if check_in else shift.kind.reminder
    return "\n" + _(sentence, where=where(shift))
