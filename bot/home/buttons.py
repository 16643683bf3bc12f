"""Home's Change buttons: the settings form."""

from bot.home.commands import StartSettings
from bot.kernel.intake.buttons import Plain

SETTINGS = Plain("settings", StartSettings)
