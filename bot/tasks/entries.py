"""`/task`: tasks organizers post and volunteers claim."""

from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS, TASK_FIELDS
from bot.domain.text import MAX_TITLE
from bot.kernel.i18n import N_
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.groups import SHORT, task
from bot.kernel.intake.typed_values import Usage
from bot.tasks import changes, claims
from bot.tasks.commands import (
    CancelTask,
    ClaimTask,
    EditTask,
    FinishTask,
    ListTasks,
    PostTask,
    ReleaseTask,
    StartTaskEdit,
    StartTaskForm,
)
from bot.tasks.edit_task import EDIT_USAGE, edit_options, read_edit
from bot.tasks.new_task import TASK_EXAMPLE, read_new_task, task_options

# In the order help lists them; `help` comes last.
TOPIC = Topic(
    "tasks",
    N_("Tasks"),
    "organizers.md#tasks",
    N_("post, edit and cancel tasks"),
    everyone_doc="volunteers.md#tasks",
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "task",
        "list",
        Usage(
            "/task list [done]",
            "/task list done",
            N_("open tasks you can claim; `done`: finished tasks (organizers see who did them)"),
        ),
        ListTasks,
        claims.list_tasks,
        params=(Param("done", Kind.FLAG, "Finished tasks instead of open ones", required=False),),
        reads_only=True,
        hint="list",
    ),
    Entry(
        "task",
        "claim",
        Usage("/task claim <task>", "/task claim 5", N_("take on a task")),
        ClaimTask,
        claims.claim_task,
        params=(task(Pick.OPEN_TASKS),),
        hint="claim 5",
    ),
    Entry(
        "task",
        "done",
        Usage("/task done <task>", "/task done 5", N_("mark your task as finished")),
        FinishTask,
        claims.finish_task,
        params=(task(Pick.MY_TASKS),),
        hint="done 5",
    ),
    Entry(
        "task",
        "release",
        Usage(
            "/task release <task>",
            "/task release 5",
            N_("hand a task back so someone else can take it"),
        ),
        ReleaseTask,
        claims.release_task,
        params=(task(Pick.MY_TASKS),),
        hint="release 5",
    ),
    Entry(
        "task",
        "post",
        Usage(
            '/task post "<title>" [due <YYYY-MM-DD>] [slots <n>] [<description>]',
            TASK_EXAMPLE,
            N_("post a task for volunteers to claim"),
        ),
        PostTask,
        claims.post_task,
        who=Who.ORGANIZER,
        params=(
            Param(
                "title",
                Kind.TEXT,
                "What needs doing, like Drop off flyers (leave everything empty for a form)",
                required=False,
                max_length=MAX_TITLE,
            ),
            Param(
                "due",
                Kind.TEXT,
                "Due date, YYYY-MM-DD (optional)",
                required=False,
                max_length=SHORT,
            ),
            Param(
                "slots",
                Kind.NUMBER,
                "How many people can claim it (default 1)",
                required=False,
                high=MAX_SLOTS,
            ),
            Param(
                "description",
                Kind.TEXT,
                "Details volunteers need (optional)",
                required=False,
                max_length=MAX_DESCRIPTION,
            ),
        ),
        text=read_new_task,
        options=task_options,
        also={StartTaskForm: claims.start_task_form},
        hint="post",
        public=True,
    ),
    Entry(
        "task",
        "edit",
        EDIT_USAGE,
        EditTask,
        changes.edit_task,
        who=Who.ORGANIZER,
        params=(
            task(Pick.POSTED_TASKS),
            Param(
                "field",
                Kind.TOPIC,
                "What to change (leave empty for a form)",
                required=False,
                choices=TASK_FIELDS,
            ),
            Param(
                "value",
                Kind.TEXT,
                "The new value: a date as YYYY-MM-DD, a number, or - to remove a due date or "
                "details",
                required=False,
                max_length=MAX_DESCRIPTION,
            ),
        ),
        text=read_edit,
        options=edit_options,
        also={StartTaskEdit: changes.start_task_edit},
    ),
    Entry(
        "task",
        "cancel",
        Usage(
            "/task cancel <task>",
            "/task cancel 5",
            N_("call a task off; whoever claimed it is told"),
        ),
        CancelTask,
        changes.cancel_task,
        who=Who.ORGANIZER,
        params=(task(Pick.POSTED_TASKS),),
    ),
)
