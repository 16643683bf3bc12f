"""How a volunteer looks where organizers act on them: the Mark contacted button."""

from bot.ports.replies import Button, ButtonStyle
from bot.volunteers.buttons import CONTACTED


def contacted_button(number: int) -> Button:
    """The button that marks volunteer `number` as contacted."""
    return Button("Mark contacted", CONTACTED.action(number), ButtonStyle.PRIMARY)
