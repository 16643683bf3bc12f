"""The task board's buttons: claim, mark done, release, and see the tasks."""

from bot.kernel.intake.buttons import Numbered, Plain
from bot.tasks.commands import ClaimTask, FinishTask, ListTasks, ReleaseTask

CLAIM = Numbered("claim", ClaimTask, "task")
DONE = Numbered("done", FinishTask, "task")
RELEASE = Numbered("release", ReleaseTask, "task")
TASKS = Plain("tasks", ListTasks)
