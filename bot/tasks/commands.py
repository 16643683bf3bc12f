"""What organizers and volunteers ask of tasks."""

from dataclasses import dataclass
from datetime import date

from bot.kernel.commands import Command


# Tasks
@dataclass(frozen=True, slots=True)
class PostTask(Command):
    title: str
    due_on: date | None = None
    slots: int = 1
    description: str | None = None


@dataclass(frozen=True, slots=True)
class StartTaskForm(Command):
    """`/task post` with nothing after it: ask for the task in a form."""


@dataclass(frozen=True, slots=True)
class ListTasks(Command):
    # `/task list done`: finished tasks (and, for organizers, who did them).
    done: bool = False


@dataclass(frozen=True, slots=True)
class ClaimTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class FinishTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class ReleaseTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class CancelTask(Command):
    """`/task cancel <task>` (organizers)."""

    task: int


@dataclass(frozen=True, slots=True)
class EditTask(Command):
    """`/task edit <task> <field> <value>`, or the edit form's answers (organizers).

    `fields` names what to change (title, due, slots, details); a None `due_on` or
    `description` among them removes it.
    """

    task: int
    fields: tuple[str, ...]
    title: str = ""
    due_on: date | None = None
    slots: int = 1
    description: str | None = None


@dataclass(frozen=True, slots=True)
class StartTaskEdit(Command):
    """`/task edit <task>` with nothing after it: the task's form, filled in."""

    task: int
