"""Discord: slash commands, buttons, select menus and modals, welcome on join."""

from adapters.discord.invite import invite_url
from adapters.discord.platform import DiscordPlatform

__all__ = ["DiscordPlatform", "invite_url"]
