"""The link that adds Turnout to a Discord server, with exactly the access it uses."""

import base64
import binascii
from urllib.parse import urlencode

import discord

from adapters.discord.settings import DiscordSettings
from bot.app.settings import ConfigurationError

# Each bit is something the bot does; nothing else is asked for (no Mention Everyone, no
# Manage anything). Replies to commands, buttons and DMs need no server permission at all.
PERMISSIONS = discord.Permissions(
    # See the organizers' and volunteers' channels it posts in.
    view_channel=True,
    # Post new-volunteer alerts to organizers and mention volunteers whose DMs are closed.
    send_messages=True,
    # Those posts may carry a list rendered as an embed.
    embed_links=True,
)
# `bot` joins the server; `applications.commands` lets it register the slash commands.
SCOPES = ("bot", "applications.commands")
AUTHORIZE_URL = "https://discord.com/oauth2/authorize"


def application_id(token: str) -> int:
    """The bot's application id, read from its token without asking Discord.

    A bot token's first dot-separated part is the base64 of the bot user's id, which is also
    its application's id.
    """
    token = token.strip()
    if not token:
        raise ConfigurationError(
            "DISCORD_TOKEN is not set: copy the token from your application's Bot tab in the "
            "Discord Developer Portal (see docs/discord.md)."
        )
    first = token.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    if "." not in token or not decoded.isdecimal():
        raise ConfigurationError(
            "DISCORD_TOKEN is not valid: it should be the bot token from the Bot tab of the "
            "Discord Developer Portal (three parts separated by dots)."
        )
    return int(decoded)


def invite_url(settings: DiscordSettings) -> str:
    """The OAuth2 link an admin opens to add the bot to a server."""
    query = urlencode(
        {
            "client_id": application_id(settings.discord_token),
            "permissions": PERMISSIONS.value,
            "scope": " ".join(SCOPES),
        }
    )
    return f"{AUTHORIZE_URL}?{query}"
