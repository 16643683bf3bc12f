"""Who is acting on Discord: a member or user as the core's Actor, organizer or not."""

from dataclasses import dataclass, field

import discord

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.kernel.i18n import N_
from bot.ports.organizers import NoOrganizerLookup, OrganizerLookup

PLATFORM = "discord"


@dataclass(frozen=True, slots=True)
class OrganizerRule:
    """Organizers hold the configured role (its name or ID) or may manage the server's events;
    so do the members the server's organizers name and those with the role they name."""

    role: str
    # The server's named organizers (`/turnout organizers`), lent by the core at start.
    named: OrganizerLookup = field(default_factory=NoOrganizerLookup)

    async def is_organizer(self, member: discord.Member) -> bool:
        if self.allows(member):
            return True
        named = await self.named.named(PLATFORM, str(member.guild.id))
        if named.names(str(member.id)):
            return True
        return bool(named.group) and _holds(member, named.group)

    def rule(self) -> str:
        """Who Discord's own rule makes organizers here (N_-marked; the core translates it)."""
        return N_(
            "Here members with the organizers' role or the Manage Events permission are "
            "organizers, and so is everyone named in this list."
        )

    def allows(self, member: discord.Member) -> bool:
        # Server-wide permissions only: an interaction's own permissions include the channel's
        # overwrites, and a Manage Events overwrite on one channel must not make an organizer.
        if member.guild_permissions.manage_events:
            return True
        return _holds(member, self.role)

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


def _holds(member: discord.Member, role: str) -> bool:
    """Whether the member has the role named by its ID or its name ("" names none)."""
    wanted = role.strip().removeprefix("@")
    if not wanted:
        return False
    if wanted.isdecimal():
        return any(held.id == int(wanted) for held in member.roles)
    return any(held.name.casefold() == wanted.casefold() for held in member.roles)


def identity(guild_id: int, user_id: int) -> Identity:
    return Identity(PLATFORM, str(guild_id), str(user_id))


async def actor(
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
        is_organizer=member is not None and await rule.is_organizer(member),
        team_name=guild.name if guild is not None else "",
        channel=channel,
        becoming_organizer=rule.becoming(guild),
        organizer_rule=rule.rule(),
        # The language the person's Discord is set to (`es-419`, `es-ES`: Spanish).
        locale=locale,
    )
