"""`/shift`: the kind-neutral group, derived from `/phonebank`'s own entries (no second list).

Every `/phonebank` verb is a `/shift` verb with the same parameters, readers and use cases;
only `create` (which names its kind first) and `list` (which may name one) differ. How a kind
shows in lists and messages lives here too.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.domain.kinds import KINDS, read_kind
from bot.domain.phonebank import MAX_PAGE
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import N_, _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Label, Param
from bot.kernel.intake.examples import SHIFT_DAY
from bot.kernel.intake.typed_values import Usage
from bot.shifts.new_shift import CREATE_PARAMS, kind_shift_options, read_kind_shift
from bot.shifts.views import label
from bot.signups import ListShifts

__all__ = ["KIND", "REPEATED", "label", "shift_entries", "where_param"]

GROUP = "shift"
# The group `/shift` repeats, verb for verb, for every kind.
REPEATED = "phonebank"
KIND_IDS = tuple(kind.id for kind in KINDS)

KIND = Param(
    "kind",
    Kind.TOPIC,
    "The kind of shift: " + ", ".join(KIND_IDS),
    choices=KIND_IDS,
    labels=tuple(Label(kind.emoji, kind.name) for kind in KINDS),
)
_PAGE = Param(
    "page",
    Kind.NUMBER,
    "Which page of upcoming shifts (10 to a page)",
    what="page number",
    required=False,
    high=MAX_PAGE,
)

CREATE_USAGE = Usage(
    '/shift create <kind> "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<where>]',
    f'/shift create canvass "Saturday doors" {SHIFT_DAY} 10:00 3h 12 "Library, 123 Main St"',
    N_(
        "schedule a shift of any kind (phonebank, canvass, textbank, training, meeting, "
        "office) in the campaign's time zone; where: a link or an address in quotes"
    ),
)
LIST_USAGE = Usage(
    "/shift list [kind] [page]",
    "/shift list canvass",
    N_("shifts of every kind coming up (or of one kind), with seats left"),
)


def read_list(actor: Actor, words: typed.Words) -> Command:
    """`/shift list [kind] [page]`."""
    first = words.take()
    if first is None:
        return ListShifts(actor)
    page: typed.Word | None = first
    kind = None
    if not first.text.lstrip("#").isdecimal():
        kind, page = read_kind(first.text).id, words.take()
    words.end()
    if page is None:
        return ListShifts(actor, kind=kind)
    number = typed.number(page, _("page number"), words.usage.example, high=MAX_PAGE)
    return ListShifts(actor, page=number, kind=kind)


def list_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """`/shift list` from a menu: the kind chosen (if any) and the page."""
    kind = options.get("kind")
    return ListShifts(
        actor,
        page=options.get("page") or 1,
        kind=None if kind is None else read_kind(str(kind)).id,
    )


def shift_entries(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """`/shift`'s entries: each of `/phonebank`'s, renamed, with its own create and list
    (and any a feature declares for `/shift` itself, in its `/phonebank` twin's place)."""
    return tuple(_derived(entries))


def _derived(entries: Sequence[Entry]) -> Iterator[Entry]:
    # A verb a feature declares for `/shift` itself (`debrief`, whose counts differ by kind)
    # takes the place of the one derived from `/phonebank`.
    own = {entry.verb: entry for entry in entries if entry.group == GROUP}
    for entry in entries:
        if entry.group != REPEATED:
            continue
        if entry.verb in own:
            yield own[entry.verb]
            continue
        usage = Usage(
            entry.usage.syntax.replace(f"/{REPEATED}", f"/{GROUP}"),
            entry.usage.example.replace(f"/{REPEATED}", f"/{GROUP}"),
            entry.usage.summary,
        )
        fixed = {"topic": GROUP} if entry.verb == "help" else entry.fixed
        renamed = replace(entry, group=GROUP, usage=usage, fixed=fixed)
        if entry.verb == "create":
            yield replace(
                renamed,
                usage=CREATE_USAGE,
                params=(KIND, *(where_param(p) for p in CREATE_PARAMS)),
                text=read_kind_shift,
                options=kind_shift_options,
            )
        elif entry.verb == "list":
            yield replace(
                renamed,
                usage=LIST_USAGE,
                params=(replace(KIND, required=False), _PAGE),
                text=read_list,
                options=list_options,
            )
        else:
            yield renamed


def where_param(param: Param) -> Param:
    """The phone bank's link, as `/shift create` asks it: where the shift happens."""
    if param.name != "link":
        return param
    return replace(param, about="Where: a link, or an address (optional)")
