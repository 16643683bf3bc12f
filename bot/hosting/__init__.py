"""Volunteer-hosted phone banks: propose, approve or decline; hosts' rights on their shifts."""

from bot.hosting import buttons, proposals
from bot.hosting.commands import StartDeclineForm
from bot.hosting.entries import ENTRIES, TOPIC
from bot.hosting.forms import DECLINE, PROPOSE, PROPOSE_KIND
from bot.hosting.notices import NOTICES
from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route

FEATURE = Feature(
    "hosting",
    topics=(TOPIC,),
    entries=ENTRIES,
    routes=(
        Route(
            StartDeclineForm, proposals.start_decline_form, "the Decline button (turnout:decline)"
        ),
    ),
    buttons=(buttons.APPROVE, buttons.DECLINE),
    forms=(PROPOSE, PROPOSE_KIND, DECLINE),
    notices=NOTICES,
)

__all__ = ["FEATURE"]
