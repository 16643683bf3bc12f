"""An organizer's changes to a posted task: edit it, or cancel it. Whoever holds a slot of it
is told, by a durable notice, of a cancellation and of a new title, due date or details."""

from collections.abc import Sequence
from datetime import date

from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.task import (
    MAX_DESCRIPTION,
    TASK_FIELDS,
    ClaimStatus,
    Task,
    TaskClaim,
    check_slots,
)
from bot.domain.text import MAX_TITLE, clean_text
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Form, Message, Reply
from bot.tasks.claims import held_task
from bot.tasks.commands import CancelTask, EditTask, StartTaskEdit
from bot.tasks.edit_task import edit_form


async def cancel_task(cmd: CancelTask, ctx: Context) -> Reply:
    """`/task cancel`: nobody claims it any more; those who had claimed it are told
    (organizers)."""
    ctx.require_organizer(_("cancel tasks"))
    task = await _changeable(ctx, cmd.task, _("cancelled again"))
    claims = await ctx.uow.tasks.claims(task.id)
    done = sum(c.status is ClaimStatus.DONE for c, _ in claims)
    if done >= task.slots:
        raise UserError(
            _(
                "Every slot of #{number} is done already, so there's nothing to "
                "cancel; `/task list done` shows it.",
                number=task.number,
            )
        )
    holders = _holders(claims)
    await ctx.uow.tasks.cancel(task, ctx.now)
    for volunteer in holders:
        await ctx.notify(
            NoticeKind.TASK_CANCELLED, volunteer_id=volunteer.id, payload={"task_id": task.id}
        )
    told = _telling(holders, _("had claimed")) or (
        _(
            " Nobody was still working on it; the {plural} already done still ",
            plural=plural(done, "slot"),
        )
        + ("counts." if done == 1 else "count.")
        if done
        else _(" Nobody had claimed it.")
    )
    return Message(
        _("Cancelled #{number} “{title}”.{told}", number=task.number, title=task.title, told=told)
    )


async def start_task_edit(cmd: StartTaskEdit, ctx: Context) -> Form:
    """`/task edit <task>` alone: the task's form, filled in (organizers)."""
    ctx.require_organizer(_("edit tasks"))
    return edit_form(await _changeable(ctx, cmd.task, "edited"))


async def edit_task(cmd: EditTask, ctx: Context) -> Reply:
    """`/task edit`: a new title, due date, number of slots or details (organizers).

    Fewer slots than are claimed or done is refused; those holding a slot hear of a new title,
    due date or details.
    """
    ctx.require_organizer(_("edit tasks"))
    task = await _changeable(ctx, cmd.task, "edited")
    claims = await ctx.uow.tasks.claims(task.id)
    fields = set(cmd.fields)
    title = (
        clean_text(cmd.title, what="title", limit=MAX_TITLE) if "title" in fields else task.title
    )
    due_on = _new_due(cmd, task, ctx) if "due" in fields else task.due_on
    slots = (
        check_slots(cmd.slots, taken=len(claims), number=task.number)
        if "slots" in fields
        else task.slots
    )
    description = task.description
    if "details" in fields:
        description = (
            clean_text(cmd.description, what="details", limit=MAX_DESCRIPTION, multiline=True)
            if cmd.description
            else None
        )
    new = (title, due_on, slots, description)
    old = (task.title, task.due_on, task.slots, task.description)
    changed = [name for name, a, b in zip(TASK_FIELDS, new, old, strict=True) if a != b]
    if not changed:
        return Message(
            _(
                "Nothing to change: #{number} “{title}” stays as it was.",
                number=task.number,
                title=task.title,
            )
        )
    saved = await ctx.uow.tasks.change(
        task, title=title, description=description, due_on=due_on, slots=slots
    )
    # More or fewer slots changes nothing for those already holding one.
    news = [name for name in changed if name != "slots"]
    holders = _holders(claims) if news else []
    for volunteer in holders:
        await ctx.notify(
            NoticeKind.TASK_CHANGED,
            volunteer_id=volunteer.id,
            payload={"task_id": task.id, "changed": news, "was": task.title},
        )
    told = _telling(holders, "claimed")
    return Message(
        _(
            "Saved #{number} “{title}”: {summary}.{told}",
            number=saved.number,
            title=saved.title,
            summary=summary(saved),
            told=told,
        )
    )


def _new_due(cmd: EditTask, task: Task, ctx: Context) -> date | None:
    """The due date asked for, refused if it has passed (an unchanged one may have)."""
    due_on = cmd.due_on
    today = ctx.now.astimezone(ctx.campaign_zone).date()
    if due_on is not None and due_on != task.due_on and due_on < today:
        raise UserError(
            _("The due date {due_on:%Y-%m-%d} has passed; pick today or later.", due_on=due_on)
        )
    return due_on


def summary(task: Task) -> str:
    """`due Fri Nov 6, 3 slots, with details` as a task now stands."""
    due = (
        _("due {calendar_day}", calendar_day=timefmt.calendar_day(task.due_on))
        if task.due_on
        else _("no due date")
    )
    details = _("with details") if task.description else _("no details")
    return f"{due}, {plural(task.slots, 'slot')}, {details}"


async def _changeable(ctx: Context, number: int, doing: str) -> Task:
    task = await held_task(ctx, number)
    if task.is_cancelled:
        raise UserError(
            _(
                "#{number} “{title}” was cancelled, so it can't be {doing}. `/task "
                'post "Title"` posts a new task.',
                number=task.number,
                title=task.title,
                doing=doing,
            )
        )
    return task


def _holders(claims: Sequence[tuple[TaskClaim, Volunteer]]) -> list[Volunteer]:
    """Those holding a slot of the task they haven't finished yet."""
    return [volunteer for claim, volunteer in claims if claim.status is ClaimStatus.CLAIMED]


def _telling(holders: list[Volunteer], claimed: str) -> str:
    """Who is told, in a sentence (none when nobody holds the task)."""
    if not holders:
        return ""
    who = _("the volunteer") if len(holders) == 1 else _("the {len} volunteers", len=len(holders))
    return _(" I'm letting {who} who {claimed} it know.", who=who, claimed=claimed)
