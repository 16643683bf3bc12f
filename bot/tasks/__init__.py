"""Tasks: organizers post, edit or cancel them; volunteers claim, finish or release them."""

from bot.kernel.feature import Feature
from bot.tasks import buttons, claims
from bot.tasks.buttons import DONE, RELEASE
from bot.tasks.edit_task import EDIT
from bot.tasks.entries import ENTRIES, TOPIC
from bot.tasks.new_task import TASK
from bot.tasks.notices import NOTICES
from bot.tasks.views import board_item

FEATURE = Feature(
    "tasks",
    topics=(TOPIC,),
    entries=ENTRIES,
    buttons=(buttons.CLAIM, buttons.DONE, buttons.RELEASE, buttons.TASKS),
    forms=(TASK, EDIT),
    notices=NOTICES,
    erase=(claims.release_claims,),
)

__all__ = ["DONE", "FEATURE", "RELEASE", "board_item"]
