"""What the notices of tasks say, written when they are sent: to the organizers, that someone
finished their slot (and whether that finishes the task); to those holding a slot, that the
task was cancelled or changed."""

from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.task import ClaimStatus, Task
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.kernel.wording import and_list
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.tasks.buttons import DONE, RELEASE, TASKS


async def _task(scene: Scene) -> Task:
    return await scene.uow.tasks.get(int(scene.notice.payload["task_id"]))


async def _done(scene: Scene) -> Reply:
    """To the organizers: a volunteer finished their slot, as it was then."""
    task = await _task(scene)
    who = await scene.subject()
    # An erased volunteer is never named: `name` says "a former volunteer" then.
    name = who.name if who.forgotten_at is not None else f"{who.name} (#{who.number})"
    done, slots = int(scene.notice.payload["done"]), int(scene.notice.payload["slots"])
    if slots == 1:
        what = _(
            "finished #{number} “{title}”: the task is done", number=task.number, title=task.title
        )
    elif done >= slots:
        what = _(
            "finished their slot of #{number} “{title}”: all {slots} slots are "
            "done, so the task is done",
            number=task.number,
            title=task.title,
            slots=slots,
        )
    else:
        what = _(
            "finished their slot of #{number} “{title}” ({done} of {slots} done)",
            number=task.number,
            title=task.title,
            done=done,
            slots=slots,
        )
    return Message(
        _(
            "✅ {upper}{name} {what}. `/task list done` shows who did what.",
            upper=name[:1].upper(),
            name=name[1:],
            what=what,
        )
    )


async def _cancelled(scene: Scene) -> Reply:
    task = await _task(scene)
    return Message(
        _(
            "The organizers cancelled #{number} “{title}”, which you had claimed, "
            "so there's no need to do it. Thank you for offering! `/task list` "
            "shows tasks that still need people.",
            number=task.number,
            title=task.title,
        ),
        buttons=(Button(_("Open tasks"), TASKS.action()),),
    )


async def _changed(scene: Scene) -> Reply | Drop:
    """To those holding a slot: what is new about the task, as it stands now."""
    task = await _task(scene)
    if task.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the task was cancelled")
    claim = await scene.uow.tasks.slot_of(task.id, scene.notice.volunteer_id or 0)
    if claim is None or claim.status is not ClaimStatus.CLAIMED:
        return Drop(NoticeState.CANCELLED, "they no longer hold the task")
    changed = scene.notice.payload["changed"]
    news = []
    if "title" in changed:
        news.append(_("it was called “{payload}”", payload=scene.notice.payload["was"]))
    if "due" in changed:
        news.append(
            _("it's now due {calendar_day}", calendar_day=timefmt.calendar_day(task.due_on))
            if task.due_on
            else _("it no longer has a due date")
        )
    if "details" in changed:
        news.append(_("its details changed") if task.description else _("it has no details now"))
    return Message(
        _(
            "✏️ The organizers changed #{number} “{title}”, which you claimed: {and_list}.",
            number=task.number,
            title=task.title,
            and_list=and_list(news),
        )
        + (f"\n{task.description}" if "details" in changed and task.description else ""),
        buttons=(
            Button(_("Mark done"), DONE.action(task.number), ButtonStyle.PRIMARY),
            Button(_("Release"), RELEASE.action(task.number)),
        ),
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.TASK_DONE,
        _done,
        "never: finished work is always news",
        description="the news that a task was done",
    ),
    NoticeSpec(
        NoticeKind.TASK_CANCELLED,
        _cancelled,
        "never: they would otherwise do it for nothing",
        description="the news that a task they claimed was cancelled",
    ),
    NoticeSpec(
        NoticeKind.TASK_CHANGED,
        _changed,
        "when the task was cancelled, or they finished or released it",
        description="the news that a task they claimed changed",
    ),
)
