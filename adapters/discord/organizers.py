"""Who is acting on Discord: a member or user as the core's Actor, organizer or not."""

from dataclasses import dataclass

import discord

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor

PLATFORM = "discord"


@dataclass(frozen=True, slots=True)
class OrganizerRule:
    """Organizers hold the configured role (its name or ID) or may manage the server's events."""

    role: str

    def allows(self, member: discord.Member) -> bool:
        # Server-wide permissions only: an interaction's own permissions include the channel's
        # overwrites, and a Manage Events overwrite on one channel must not make an organizer.
        if member.guild_permissions.manage_events:
            return True
        wanted = self.role.strip().removeprefix("@")
        if not wanted:
            return False
        if wanted.isdecimal():
            return any(role.id == int(wanted) for role in member.roles)
        return any(role.name.casefold() == wanted.casefold() for role in member.roles)

    def becoming(self, guild: discord.Guild | None) -> str:
        """How someone becomes an organizer on the server, for a refusal to end with."""
        wanted = self.role.strip().removeprefix("@")
        if not wanted:
            return "To become one, ask a server admin for the Manage Events permission."
        name = wanted
        if wanted.isdecimal():
            role = guild.get_role(int(wanted)) if guild is not None else None
            name = role.name if role is not None else ""
        named = f"the “{name}” role" if name else "the organizers' role"
        return (
            f"To become one, ask a server admin to give you {named} "
            "(or the Manage Events permission)."
        )


def identity(guild_id: int, user_id: int) -> Identity:
    return Identity(PLATFORM, str(guild_id), str(user_id))


def actor(
    user: discord.User | discord.Member,
    *,
    guild_id: int,
    guild: discord.Guild | None,
    rule: OrganizerRule,
    channel: str = "",
    locale: str = "",
) -> Actor:
    """The person behind an interaction or a join, as one team's volunteer.

    A button pressed in a DM carries no member: the desk passes the member it fetched (a DM
    press counts only from a current member). The server's name goes along: the core may
    name a new server's campaign after it.
    """
    member = user if isinstance(user, discord.Member) else None
    if member is None and guild is not None:
        member = guild.get_member(user.id)
    return Actor(
        identity=identity(guild_id, user.id),
        display_name=(member or user).display_name,
        is_organizer=member is not None and rule.allows(member),
        team_name=guild.name if guild is not None else "",
        channel=channel,
        becoming_organizer=rule.becoming(guild),
        # The language the person's Discord is set to (`es-419`, `es-ES`: Spanish).
        locale=locale,
    )
