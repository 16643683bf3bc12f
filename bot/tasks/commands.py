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
    pass


@dataclass(frozen=True, slots=True)
class ClaimTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class FinishTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class ReleaseTask(Command):
    task: int
