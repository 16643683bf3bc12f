"""Tasks: organizers post them, volunteers claim, finish or release them."""

from bot.domain.campaign import Counter
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.task import MAX_DESCRIPTION, ClaimStatus, Task, TaskClaim, check_slots
from bot.domain.text import MAX_TITLE, clean_text
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Listing, Message, Reply
from bot.tasks.buttons import DONE, RELEASE
from bot.tasks.commands import (
    ClaimTask,
    FinishTask,
    ListTasks,
    PostTask,
    ReleaseTask,
    StartTaskForm,
)
from bot.tasks.new_task import task_form
from bot.tasks.views import board_item, claim_button, finished_tasks


async def start_task_form(cmd: StartTaskForm, ctx: Context) -> Reply:
    """`/task post` alone: the new-task form (organizers)."""
    ctx.require_organizer(_("post tasks"))
    return task_form()


async def post_task(cmd: PostTask, ctx: Context) -> Reply:
    """`/task post`: a task volunteers can claim, posted to the channel (organizers)."""
    ctx.require_organizer(_("post tasks"))
    title = clean_text(cmd.title, what="title", limit=MAX_TITLE)
    description = (
        clean_text(cmd.description, what="description", limit=MAX_DESCRIPTION, multiline=True)
        if cmd.description and cmd.description.strip()
        else None
    )
    check_slots(cmd.slots)
    today = ctx.now.astimezone(ctx.campaign_zone).date()
    if cmd.due_on is not None and cmd.due_on < today:
        raise UserError(
            _("The due date {due_on:%Y-%m-%d} has passed; pick today or later.", due_on=cmd.due_on)
        )
    number = await ctx.uow.campaigns.next_number(ctx.campaign.id, Counter.TASK)
    task = await ctx.uow.tasks.add(
        campaign_id=ctx.campaign.id,
        number=number,
        title=title,
        description=description,
        due_on=cmd.due_on,
        slots=cmd.slots,
        created_by=ctx.volunteer.id,
        now=ctx.now,
    )
    text = _(
        "New task #{number}: {title}{details}",
        number=task.number,
        title=task.title,
        details=_details(task),
    )
    if description:
        text += f"\n{description}"
    text += _("\nClaim it with `/task claim {number}` or the button.", number=task.number)
    return Message(text, buttons=(claim_button(task),), public=True)


async def list_tasks(cmd: ListTasks, ctx: Context) -> Reply:
    """`/task list`: open tasks with Claim buttons (organizers also see who holds what);
    `/task list done`: finished tasks."""
    if cmd.done:
        return await finished_tasks(ctx)
    items = [await board_item(ctx, board) for board in await ctx.uow.tasks.board(ctx.campaign.id)]
    return Listing(
        heading=_("Open tasks"),
        items=tuple(items),
        empty=_("No open tasks right now.")
        + (_(' Post one with `/task post "Title"`.') if ctx.actor.is_organizer else ""),
    )


async def claim_task(cmd: ClaimTask, ctx: Context) -> Reply:
    """`/task claim`: take one of a task's free slots; one slot each, also once it is done."""
    task = await held_task(ctx, cmd.task)
    slot = await ctx.uow.tasks.slot_of(task.id, ctx.volunteer.id)
    if slot is not None and slot.status is ClaimStatus.DONE:
        raise UserError(
            _(
                "You already marked #{number} done, and each person takes one slot. "
                "`/task list` shows tasks that still need people.",
                number=task.number,
            )
        )
    if slot is not None:
        raise UserError(
            _(
                "#{number} is already yours. `/task done {number}` when finished.",
                number=task.number,
            )
        )
    _not_cancelled(task, "claim")
    claims = await ctx.uow.tasks.claims(task.id)
    if len(claims) >= task.slots:
        full = "done" if all(c.status is ClaimStatus.DONE for c, _ in claims) else "taken"
        raise UserError(
            _(
                "All the slots of #{number} are {full} ({plural} in all). `/task list` "
                "shows tasks that still need people.",
                number=task.number,
                full=full,
                plural=plural(task.slots, "slot"),
            )
        )
    await ctx.uow.tasks.add_claim(task.id, ctx.volunteer.id, ctx.now)
    return Message(
        _(
            "#{number} “{title}” is yours{details}. Thank you!",
            number=task.number,
            title=task.title,
            details=_details(task),
        ),
        buttons=(
            Button(_("Mark done"), DONE.action(task.number), ButtonStyle.PRIMARY),
            Button(_("Release"), RELEASE.action(task.number)),
        ),
    )


async def finish_task(cmd: FinishTask, ctx: Context) -> Reply:
    """`/task done`: mark the asker's slot of a task done; the organizers hear of it."""
    # Held, so two slots finished at once can't both miss that the task is now done.
    task = await held_task(ctx, cmd.task)
    otherwise = _("so claim it first with `/task claim {number}`", number=task.number)
    if len(await ctx.uow.tasks.claims(task.id)) >= task.slots:
        taken = (
            _("its one slot is taken")
            if task.slots == 1
            else _("all {slots} of its slots are taken", slots=task.slots)
        )
        otherwise = _("and {taken}; `/task list` shows tasks that still need people", taken=taken)
    claim = await _my_claim(ctx, task, _("mark done"), otherwise)
    if claim is None:
        return Message(_("You already marked #{number} done. Thank you!", number=task.number))
    await ctx.uow.tasks.set_claim_status(claim.id, ClaimStatus.DONE, ctx.now)
    done = sum(c.status is ClaimStatus.DONE for c, _ in await ctx.uow.tasks.claims(task.id))
    await ctx.notify(
        NoticeKind.TASK_DONE,
        payload={
            "task_id": task.id,
            "volunteer_id": ctx.volunteer.id,
            "done": done,
            "slots": task.slots,
        },
    )
    return Message(
        _("Marked #{number} “{title}” done. Thank you!", number=task.number, title=task.title)
    )


async def release_task(cmd: ReleaseTask, ctx: Context) -> Reply:
    """`/task release`: hand the asker's claim back so someone else can take it."""
    task = await held_task(ctx, cmd.task)
    otherwise = _("so there's nothing to release")
    claim = await _my_claim(ctx, task, "release", otherwise)
    if claim is None:
        raise UserError(
            _(
                "You already marked #{number} done, {otherwise}.",
                number=task.number,
                otherwise=otherwise,
            )
        )
    await ctx.uow.tasks.set_claim_status(claim.id, ClaimStatus.RELEASED, ctx.now)
    return Message(_("Released #{number}; someone else can pick it up now.", number=task.number))


async def _my_claim(ctx: Context, task: Task, doing: str, otherwise: str) -> TaskClaim | None:
    """The asker's claim still held on the task; None if they already finished it.

    A UserError when they hold no slot of it (or it was cancelled, which released theirs).
    """
    slot = await ctx.uow.tasks.slot_of(task.id, ctx.volunteer.id)
    if slot is not None and slot.status is ClaimStatus.DONE:
        return None
    _not_cancelled(task, doing)
    if slot is None:
        raise UserError(
            _(
                "You haven't claimed #{number}, {otherwise}.",
                number=task.number,
                otherwise=otherwise,
            )
        )
    return slot


def _not_cancelled(task: Task, doing: str) -> None:
    if task.is_cancelled:
        raise UserError(
            _(
                "#{number} “{title}” was cancelled, so there's nothing to {doing}. "
                "`/task list` shows open tasks.",
                number=task.number,
                title=task.title,
                doing=doing,
            )
        )


async def held_task(ctx: Context, number: int) -> Task:
    """The task, held against concurrent claims and changes until the command ends."""
    task = await ctx.uow.tasks.hold(ctx.campaign.id, number)
    if task is None:
        raise UserError(
            _("There's no task #{number}. `/task list` shows open tasks.", number=number)
        )
    return task


def _details(task: Task) -> str:
    parts = []
    if task.due_on:
        parts.append(_("due {calendar_day}", calendar_day=timefmt.calendar_day(task.due_on)))
    if task.slots > 1:
        parts.append(_("{slots} volunteers needed", slots=task.slots))
    return f" ({', '.join(parts)})" if parts else ""


async def release_claims(ctx: Context) -> None:
    """Forget-me: the asker's claimed tasks are open again."""
    await ctx.uow.tasks.release_claims_of(ctx.volunteer.id, ctx.now)
