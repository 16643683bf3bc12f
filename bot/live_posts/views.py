"""What a live post shows: a shift's seats and state, or the board of upcoming shifts.

Written from the shift as it stands whenever the post is put up or edited, in the campaign's
zone (a channel post has many readers). People's text (titles) stays plain: each adapter
escapes it as it escapes any reply.
"""

import hashlib
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.phonebank import ShiftSeats
from bot.domain.positions import PositionSeats
from bot.domain.post import PostState, post_state, seat_bar
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Item, Listing, Message, Reply
from bot.signups import JOIN, LEAVE

BOARD_HEADING = "Upcoming phone banks"


def shift_post(
    seats: ShiftSeats,
    *,
    now: datetime,
    zone: ZoneInfo,
    posted_starts_at: datetime | None,
    positions: Sequence[PositionSeats] = (),
) -> Message:
    """A shift's post: when, the seat bar (and each position's seats), the waitlist, its
    state, and Join / Leave while people may still sign up or give their seat back."""
    shift = seats.shift
    state = post_state(
        cancelled=shift.is_cancelled,
        started=shift.has_started(now),
        seats_left=seats.seats_left,
        starts_at=shift.starts_at,
        posted_starts_at=posted_starts_at,
    )
    lines = [
        f"{shift.kind.emoji} #{shift.number} “{shift.title}”",
        _(
            "{at} for {duration}",
            at=timefmt.at(shift.starts_at, zone),
            duration=timefmt.duration(shift.ends_at - shift.starts_at),
        ),
    ]
    if state is PostState.CANCELLED:
        lines.append(_("❌ Cancelled by the organizers."))
        return Message("\n".join(lines), public=True)
    lines.append(_seats_line(seats))
    lines += [
        _(
            "{name}: {left} of {seats} left",
            name=p.position.name,
            left=p.seats_left,
            seats=p.position.seats,
        )
        for p in positions
    ]
    if state is PostState.STARTED:
        ended = now >= shift.ends_at
        lines.append(
            _("✅ This shift has ended.") if ended else _("▶️ Started: sign-ups are closed.")
        )
        return Message("\n".join(lines), public=True)
    if state is PostState.MOVED:
        assert posted_starts_at is not None
        lines.append(_("🕒 Moved: it was {at}.", at=timefmt.at(posted_starts_at, zone)))
    elif state is PostState.FULL:
        lines.append(_("Full: join the waitlist and I'll message you if a seat opens."))
    join = _("Join") if seats.seats_left else _("Join waitlist")
    return Message(
        "\n".join(lines),
        buttons=(
            Button(join, JOIN.action(shift.number), ButtonStyle.PRIMARY),
            Button(_("Leave"), LEAVE.action(shift.number), ButtonStyle.DANGER),
        ),
        public=True,
    )


def board_post(upcoming: Sequence[ShiftSeats], *, more: int, zone: ZoneInfo) -> Listing:
    """The board: the next shifts with their seat bars and a Join button each."""
    items = []
    for seats in upcoming:
        shift = seats.shift
        detail = f"{timefmt.at(shift.starts_at, zone)} · {_seats_line(seats)}"
        label = _("Join") if seats.seats_left else _("Join waitlist")
        items.append(
            Item(
                _("#{number} {title}", number=shift.number, title=shift.title),
                detail,
                Button(label, JOIN.action(shift.number), ButtonStyle.PRIMARY),
            )
        )
    footer = _("Kept up to date as people join and leave.")
    if more:
        footer = _("{plural}: `/phonebank list`. ", plural=plural(more, "more shift")) + footer
    return Listing(
        heading=BOARD_HEADING,
        items=tuple(items),
        empty=_("No shifts are coming up right now; this board shows them as they are added."),
        footer=footer,
        public=True,
    )


def _seats_line(seats: ShiftSeats) -> str:
    """`▰▰▰▱▱ 3 of 5 left · 2 on the waitlist`."""
    shift = seats.shift
    left = seats.seats_left
    line = _(
        "{seat_bar} {left} of {capacity} left",
        seat_bar=seat_bar(left, shift.capacity),
        left=left,
        capacity=shift.capacity,
    )
    if seats.waitlisted:
        line += _(" · {waitlisted} on the waitlist", waitlisted=seats.waitlisted)
    return line


def digest(reply: Reply) -> str:
    """A short fingerprint of what a reply shows: the same post twice is one edit, not two."""
    return hashlib.sha256(repr(reply).encode()).hexdigest()[:32]
