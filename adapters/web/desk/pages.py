"""The desk's HTML: Jinja2 templates, escaped everywhere (people's words never become markup)."""

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape

from adapters.web.desk import replies
from adapters.web.desk.words import W
from bot.app.desk import DeskUser, RosterLine
from bot.app.turnout import TRY_AGAIN
from bot.domain.attendance import Presence
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.kernel import timefmt
from bot.kernel.i18n import N_, _, ngettext
from bot.ports.desk import BoardShift
from bot.ports.replies import Attachment, Reply

__all__ = ["TRY_AGAIN"]

# The stats periods, as `/turnout stats` takes them, with what the menu says.
PERIODS = {"7d": W.LAST_7, "30d": W.LAST_30, "90d": W.LAST_90, "all": W.EVERYTHING}
EXPORTS = {
    "volunteers": N_("volunteers"),
    "signups": N_("sign-ups"),
    "shifts": N_("shifts"),
    "tasks": N_("tasks"),
}
FILTERS = {
    "all": W.ALL,
    "week": W.THIS_WEEK,
    "needs": W.NEEDS_PEOPLE,
    "unreported": W.UNREPORTED,
}
PRESENCE = {
    Presence.HERE: N_("here (marked)"),
    Presence.NO_SHOW: N_("no-show (marked)"),
    Presence.CHECKED_IN: N_("checked in"),
    Presence.MADE_IT: N_("said they made it"),
    Presence.MISSED: N_("said they couldn't make it"),
    Presence.UNKNOWN: N_("no word yet"),
}
SEAT = {
    SignupStatus.CONFIRMED: N_("confirmed"),
    SignupStatus.WAITLISTED: N_("waiting"),
    SignupStatus.OFFERED: N_("offered a seat"),
    SignupStatus.CANCELLED: N_("cancelled"),
}
_HEADERS = {
    # Pages hold names and numbers: never cached, never framed, no address sent onwards.
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
}


@cache
def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("adapters.web.desk", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(_=_, ngettext=ngettext, W=W, kind_of=replies.kind_of)
    env.globals.update(item_buttons=replies.item_buttons, new_nonce=_nonce)
    env.filters["plain"] = timefmt.plain
    return env


def _nonce() -> str:
    """A fresh key for one form: posted twice, its command runs once (the inbox)."""
    return secrets.token_urlsafe(12)


def _page(template: str, status: int = 200, **values: Any) -> web.Response:
    html = _templates().get_template(template).render(**values)
    return web.Response(
        text=html, status=status, content_type="text/html", charset="utf-8", headers=_HEADERS
    )


def plain(sentence: str, *, status: int = 200) -> web.Response:
    """A page with one sentence on it (signed out, a refused link)."""
    return _page("plain.html", status, sentence=sentence)


def download(file: Attachment) -> web.Response:
    """An export as a file to save."""
    name = "".join(c for c in file.filename if c.isalnum() or c in "-_.") or "export.csv"
    return web.Response(
        body=file.content,
        content_type=file.mime_type.split(";")[0],
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def _when(user: DeskUser) -> Any:
    return lambda moment: timefmt.when(moment, user.zone)


def shifts(
    user: DeskUser,
    board: Sequence[BoardShift],
    now: datetime,
    show: str,
    reply: Reply | None,
    *,
    root: str,
) -> web.Response:
    show = show if show in FILTERS else "all"
    chosen = [row for row in board if _passes(row, now, show)]
    return _page(
        "shifts.html",
        root=root,
        user=user,
        tab="shifts",
        upcoming=[row for row in chosen if row.shift.ends_at > now],
        recent=[row for row in reversed(chosen) if row.shift.ends_at <= now],
        show=show,
        filters=FILTERS,
        when=_when(user),
        kind=kind,
        result=replies.shown(reply),
    )


def kind(shift: Shift) -> str:
    """What kind of shift it is, in the reader's language."""
    return _(shift.kind.name)


def _passes(row: BoardShift, now: datetime, show: str) -> bool:
    shift = row.shift
    match show:
        case "week":
            return shift.ends_at > now and shift.starts_at < now + timedelta(days=7)
        case "needs":
            return (
                not shift.is_cancelled and shift.starts_at > now and row.confirmed < shift.capacity
            )
        case "unreported":
            return (
                not shift.is_cancelled
                and shift.ends_at <= now
                and row.confirmed > 0
                and row.reported == 0
            )
    return True


def shift(
    user: DeskUser,
    found: Shift,
    roster: Sequence[RosterLine],
    now: datetime,
    targets: Sequence[int],
    reply: Reply | None,
    wrap_up: Reply | None,
    *,
    root: str,
) -> web.Response:
    confirmed = sum(1 for line in roster if line.signup.status is SignupStatus.CONFIRMED)
    return _page(
        "shift.html",
        root=root,
        user=user,
        tab="shifts",
        shift=found,
        roster=roster,
        confirmed=confirmed,
        started=found.starts_at <= now,
        ended=found.ends_at <= now,
        targets=targets,
        when=_when(user),
        kind=kind,
        presence=PRESENCE,
        seat=SEAT,
        result=replies.shown(reply),
        wrap_up=replies.shown(wrap_up),
    )


def people(
    user: DeskUser,
    query: str,
    found: Reply | None,
    newcomers: Reply | None,
    theirs: Sequence[str],
    reply: Reply | None,
    *,
    root: str,
) -> web.Response:
    return _page(
        "people.html",
        root=root,
        user=user,
        tab="people",
        query=query,
        found=replies.shown(found),
        newcomers=replies.shown(newcomers),
        theirs=theirs,
        result=replies.shown(reply),
    )


def numbers(
    user: DeskUser, period: str, stats: Reply, reply: Reply | None, *, root: str
) -> web.Response:
    return _page(
        "numbers.html",
        root=root,
        user=user,
        tab="numbers",
        period=period,
        periods=PERIODS,
        exports=EXPORTS,
        stats=replies.shown(stats),
        result=replies.shown(reply),
    )
