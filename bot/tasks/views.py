"""How a task looks on the board: due day, slots, who holds it, and its button."""

from bot.domain.task import ClaimStatus, Task, TaskBoard
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Item
from bot.tasks.buttons import CLAIM, DONE


async def board_item(ctx: Context, board: TaskBoard) -> Item:
    """A task as the board shows it to the asker: due day, slots, holders, a button."""
    task = board.task
    parts = [f"{board.slots_left} of {plural(task.slots, 'slot')} open"]
    if task.due_on:
        parts.insert(0, f"due {timefmt.calendar_day(task.due_on)}")
    claims = await ctx.uow.tasks.claims(task.id)
    mine = next(
        (c for c, v in claims if v.id == ctx.volunteer.id and c.status is ClaimStatus.CLAIMED), None
    )
    if ctx.actor.is_organizer and claims:
        parts.append("; ".join(f"{v.name} ({c.status.value})" for c, v in claims))
    if mine:
        parts.append("yours")
        button: Button | None = Button(
            "Mark done", DONE.action(task.number), ButtonStyle.PRIMARY
        )
    else:
        button = claim_button(task) if board.slots_left else None
    detail = " · ".join(parts) + (f"\n{task.description}" if task.description else "")
    return Item(f"#{task.number} {task.title}", detail, button)


def claim_button(task: Task) -> Button:
    """The button that claims `task`."""
    return Button("Claim", CLAIM.action(task.number), ButtonStyle.PRIMARY)
