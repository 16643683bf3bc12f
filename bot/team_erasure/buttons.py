"""The button that confirms erasing a team (naming the team's row), and the way out."""

from bot.kernel.intake.buttons import Numbered, Plain
from bot.team_erasure.commands import ConfirmEraseTeam, KeepTeam

ERASE_TEAM = Numbered("erase-team", ConfirmEraseTeam, "team_id")
KEEP_TEAM = Plain("keep-team", KeepTeam)
