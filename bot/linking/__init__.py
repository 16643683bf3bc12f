"""Linked teams: several Slack workspaces, Discord servers or consoles in one campaign, joined
with a one-time code and left with `/turnout unlink`."""

from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.linking import buttons, linking
from bot.linking.commands import ConfirmLink, KeepLinks
from bot.linking.entries import ENTRIES, TOPIC

FEATURE = Feature(
    "linking",
    topics=(TOPIC,),
    entries=ENTRIES,
    routes=(
        Route(ConfirmLink, linking.confirm_link, "the Link button (turnout:link)", enrols=False),
        Route(
            KeepLinks, linking.keep_links, "the Not now button (turnout:keep-links)", enrols=False
        ),
    ),
    buttons=(buttons.LINK, buttons.UNLINK, buttons.KEEP_LINKS),
)

__all__ = ["FEATURE"]
