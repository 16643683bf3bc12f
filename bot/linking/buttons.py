"""Buttons that confirm linking (naming the code's row) and unlinking, and the way out."""

from bot.kernel.intake.buttons import Numbered, Plain
from bot.linking.commands import ConfirmLink, KeepLinks, UnlinkTeam

LINK = Numbered("link", ConfirmLink, "code_id")
UNLINK = Plain("unlink", UnlinkTeam, {"confirmed": True})
KEEP_LINKS = Plain("keep-links", KeepLinks)
