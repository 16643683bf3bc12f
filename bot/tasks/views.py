"""How a task looks in lists: on the board (due day, slots, who holds it, its button) and
among the finished tasks (who did them)."""

from collections.abc import Sequence

from bot.domain.task import ClaimStatus, Task, TaskBoard
from bot.domain.volunteer import FORMER_VOLUNTEER, Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Button, ButtonStyle, Item, Listing
from bot.tasks.buttons import CLAIM, DONE

# `/task list done` shows the latest finished tasks; older ones are counted in its footer.
FINISHED_SHOWN = 20


async def board_item(ctx: Context, board: TaskBoard) -> Item:
    """A task as the board shows it to the asker: due day, slots, holders, a button."""
    task = board.task
    parts = [
        _(
            "{slots_left} of {plural} open",
            slots_left=board.slots_left,
            plural=plural(task.slots, "slot"),
        )
    ]
    if task.due_on:
        parts.insert(0, _("due {calendar_day}", calendar_day=timefmt.calendar_day(task.due_on)))
    claims = await ctx.uow.tasks.claims(task.id)
    mine = next((c for c, v in claims if v.id == ctx.volunteer.id), None)
    if ctx.actor.is_organizer and claims:
        parts.append("; ".join(f"{v.name} ({c.status.value})" for c, v in claims))
    button: Button | None = None
    if mine is not None and mine.status is ClaimStatus.DONE:
        # One slot each: a finished slot is never claimed again.
        parts.append(_("you did yours, thank you"))
    elif mine is not None:
        parts.append("yours")
        button = Button(_("Mark done"), DONE.action(task.number), ButtonStyle.PRIMARY)
    elif board.slots_left:
        button = claim_button(task)
    detail = " · ".join(parts) + (f"\n{task.description}" if task.description else "")
    return Item(_("#{number} {title}", number=task.number, title=task.title), detail, button)


def claim_button(task: Task) -> Button:
    """The button that claims `task`."""
    return Button(_("Claim"), CLAIM.action(task.number), ButtonStyle.PRIMARY)


async def finished_tasks(ctx: Context) -> Listing:
    """`/task list done`: tasks with a slot done, latest first; organizers see who did them."""
    boards, total = await ctx.uow.tasks.finished(ctx.campaign.id, limit=FINISHED_SHOWN)
    items = tuple([await _finished_item(ctx, board) for board in boards])
    return Listing(
        heading=_("Finished tasks"),
        items=items,
        empty=_("No task has been finished yet. `/task list` shows the open ones."),
        footer=_("The {len} finished last, of {total}.", len=len(items), total=total)
        if total > len(items)
        else "",
    )


async def _finished_item(ctx: Context, board: TaskBoard) -> Item:
    task = board.task
    if task.is_cancelled:
        state = _(
            "cancelled with {done} of {plural} done",
            done=board.done,
            plural=plural(task.slots, "slot"),
        )
    elif board.finished:
        state = "done" if task.slots == 1 else _("all {slots} slots done", slots=task.slots)
    else:
        state = _("{done} of {slots} slots done", done=board.done, slots=task.slots)
    parts = [state]
    finishers = [v for c, v in await ctx.uow.tasks.claims(task.id) if c.status is ClaimStatus.DONE]
    if ctx.actor.is_organizer:
        parts.append(_("by {names}", names=_names(finishers)))
    elif any(v.id == ctx.volunteer.id for v in finishers):
        parts.append(_("you did one, thank you"))
    return Item(_("#{number} {title}", number=task.number, title=task.title), " · ".join(parts))


def _names(volunteers: Sequence[Volunteer]) -> str:
    """`Maria, Sam and 2 former volunteers`: a forgotten volunteer is never named."""
    named = [v.name for v in volunteers if v.name != FORMER_VOLUNTEER]
    gone = len(volunteers) - len(named)
    if gone:
        named.append(FORMER_VOLUNTEER if gone == 1 else _("{gone} former volunteers", gone=gone))
    return and_list(named)
