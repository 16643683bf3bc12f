"""How a volunteer looks where organizers act on them: the Mark contacted button."""

from bot.kernel.i18n import _
from bot.ports.replies import Button, ButtonStyle
from bot.volunteers.buttons import CONTACTED


def contacted_button(number: int) -> Button:
    """The button that marks volunteer `number` as contacted."""
    return Button(_("Mark contacted"), CONTACTED.action(number), ButtonStyle.PRIMARY)
