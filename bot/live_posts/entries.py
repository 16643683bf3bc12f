"""`/phonebank post`: a shift's post, or the board of upcoming shifts, in this channel."""

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import N_, _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.groups import shift
from bot.kernel.intake.typed_values import Usage
from bot.live_posts import posting
from bot.live_posts.commands import PostBoard, PostShift

TOPIC = Topic(
    "posts",
    N_("Posts that keep themselves up to date"),
    "organizers.md#live-posts",
    N_("put a shift, or the board of upcoming shifts, in a channel"),
    also=("board",),
)


def read_post(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank post <shift>`, or `/phonebank post board` for the board of upcoming shifts."""
    first = words.need(_("a shift number, or `board`"))
    if first.text.casefold() == "board":
        words.end()
        return PostBoard(actor)
    number = typed.number(first, _("shift number"), words.usage.example)
    words.end()
    return PostShift(actor, shift=number)


def post_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """The same from a menu: `board` set posts the board, otherwise the chosen shift."""
    if options.get("board"):
        return PostBoard(actor)
    if options.get("shift") is None:
        raise UserError(_("Pick a shift to post, or set board to post the upcoming shifts."))
    return PostShift(actor, shift=int(options["shift"]))


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "post",
        Usage(
            "/phonebank post <shift | board>",
            "/phonebank post 3",
            N_(
                "post a shift in this channel again, with Join / Leave, or `board`: the upcoming "
                "shifts in one post; either keeps itself up to date"
            ),
        ),
        PostShift,
        posting.post_shift,
        who=Who.ORGANIZER,
        params=(
            replace(shift(), required=False),
            Param("board", Kind.FLAG, "Post the upcoming shifts, in one post", required=False),
        ),
        text=read_post,
        options=post_options,
        also={PostBoard: posting.post_board},
    ),
)
