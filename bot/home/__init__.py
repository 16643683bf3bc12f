"""Home: everything that is the asker's in one view, and their settings form."""

from bot.home import buttons, view
from bot.home.commands import SaveSettings, StartSettings
from bot.home.entries import ENTRIES
from bot.home.forms import SETTINGS
from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route

FEATURE = Feature(
    "home",
    entries=ENTRIES,
    routes=(
        # Opening the form stores nothing; saving it does.
        Route(
            StartSettings,
            view.start_settings,
            "Home's Change buttons (turnout:settings)",
            enrols=False,
        ),
        Route(SaveSettings, view.save_settings, "the settings form (settings)"),
    ),
    buttons=(buttons.SETTINGS,),
    forms=(SETTINGS,),
)

__all__ = ["FEATURE"]
