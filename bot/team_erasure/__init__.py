"""Erasing a team: `/turnout erase-team` (and the operator's `turnout erase-team`) takes the
team's campaign, or its people in a campaign it joined, and the team itself."""

from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.team_erasure import buttons, erasing
from bot.team_erasure.commands import ConfirmEraseTeam, EraseTeam, KeepTeam
from bot.team_erasure.entries import ENTRIES
from bot.team_erasure.erasing import what_goes, whole_campaign

FEATURE = Feature(
    "team erasure",
    entries=ENTRIES,
    routes=(
        Route(
            ConfirmEraseTeam,
            erasing.confirm_erase_team,
            "the Erase button (turnout:erase-team)",
            enrols=False,
        ),
        Route(KeepTeam, erasing.keep_team, "the Not now button (turnout:keep-team)", enrols=False),
    ),
    buttons=(buttons.ERASE_TEAM, buttons.KEEP_TEAM),
)

__all__ = ["FEATURE", "EraseTeam", "what_goes", "whole_campaign"]
