"""`/turnout organizers`: who is an organizer of this team and why; organizers name more people,
or a user group or role, and remove them again.

Named organizers are kept per team (a workspace, a server, the console): organizers of linked
teams each name their own. The platform's own rule (an installer and admins, configured IDs, a
role or Manage Events, the console's flag) stays whatever the list says, so removing the last
named person never leaves a team without organizers.
"""

from dataclasses import dataclass

from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.domain.organizers import MAX_NAMED
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.organizers import mentions
from bot.organizers.buttons import UNNAME
from bot.organizers.commands import ManageOrganizers, UnnameOrganizer
from bot.organizers.lookup import NamedOrganizerCache
from bot.ports.replies import Button, ButtonStyle, Item, Listing, Message, Reply

_OFF = ("off", "none")


@dataclass(frozen=True, slots=True)
class _Person:
    account: str
    name: str


async def organizers(cmd: ManageOrganizers, ctx: Context) -> Reply:
    """The list, or the change `cmd.change` asks for."""
    ctx.require_organizer(_("see or name this team's organizers"))
    change = cmd.change.strip().lower()
    if not change:
        return await _listing(ctx)
    if change == "add":
        return await _add(ctx, await _whom(ctx, cmd.who, "add"))
    if change == "remove":
        return await _remove(ctx, await _whom(ctx, cmd.who, "remove"))
    if change == "group":
        return await _group(ctx, cmd.who.strip())
    raise UserError(
        _(
            "Type `/turnout organizers` for the list, `/turnout organizers add @someone` or "
            "`/turnout organizers remove @someone` to change it, or `/turnout organizers "
            "group @group` to name a group."
        )
    )


async def unname_organizer(cmd: UnnameOrganizer, ctx: Context) -> Reply:
    """The Remove button beside a named organizer."""
    ctx.require_organizer(_("remove organizers"))
    gone = await ctx.uow.organizers.unname_row(ctx.team.id, cmd.row_id)
    if gone is None:
        raise UserError(
            _(
                "That person is no longer named an organizer here. `/turnout organizers` "
                "shows the list as it is now."
            )
        )
    _changed(ctx)
    return _removed(gone.name)


async def _listing(ctx: Context) -> Reply:
    named = await ctx.uow.organizers.named(ctx.team.platform, ctx.team.external_id)
    rule = ctx.actor.organizer_rule
    lines = [_(rule) if rule else ctx.actor.becoming_organizer]
    if named.group:
        lines.append(_("Members of {group} are organizers too.", group=named.shown_group))
    lines.append(
        _(
            "Name more with `/turnout organizers add @someone`, or a group with "
            "`/turnout organizers group @group`."
        )
    )
    why = [line for line in lines if line]
    return Listing(
        heading=_("Organizers named for this team"),
        items=tuple(
            [
                Item(
                    await _shown(ctx, person.account, person.name),
                    button=Button(_("Remove"), UNNAME.action(person.id), ButtonStyle.DANGER),
                )
                for person in named.people
            ]
        ),
        # Shown alone when nobody is named, so it says why too.
        empty="\n".join([_("Nobody is named here yet."), *why]),
        footer="\n".join(why),
    )


async def _shown(ctx: Context, account: str, name: str) -> str:
    """The person's name as Turnout knows it now, else as it was when they were named."""
    known = await ctx.uow.volunteers.by_identity(
        Identity(ctx.team.platform, ctx.team.external_id, account)
    )
    return known.name if known is not None and known.name else name


async def _whom(ctx: Context, who: str, change: str) -> _Person:
    """The one person of this team `who` names: a mention, or a name or #number Turnout knows."""
    who = who.strip()
    if not who:
        raise UserError(_("Say who: type `/turnout organizers {change} @someone`.", change=change))
    mention = mentions.person(who)
    if mention is not None:
        # Discord's mentions carry no name: until Turnout knows the person, they are shown
        # as the mention itself, which Discord writes out as their name.
        shown = mention.name or f"<@{mention.account}>"
        return _Person(mention.account, await _shown(ctx, mention.account, shown))
    if mentions.is_markup(who):
        raise UserError(
            _(
                "That isn't one person. Type `/turnout organizers {change} @` and pick them "
                "as you type, or `/turnout organizers group @group` for a group.",
                change=change,
            )
        )
    volunteer = await one_volunteer(
        ctx, who, lambda ref: _("/turnout organizers {change} {ref}", change=change, ref=ref)
    )
    for identity in await ctx.uow.volunteers.identities(volunteer.id):
        if (identity.platform, identity.team_external_id) == (
            ctx.team.platform,
            ctx.team.external_id,
        ):
            return _Person(identity.user_external_id, volunteer.name)
    raise UserError(
        _(
            "{name} isn't in this team, and organizers name organizers of their own team. "
            "An organizer of {name}'s team can name them there.",
            name=volunteer.name,
        )
    )


async def _add(ctx: Context, person: _Person) -> Reply:
    named = await ctx.uow.organizers.named(ctx.team.platform, ctx.team.external_id)
    if named.names(person.account):
        raise UserError(
            _("{name} is already named an organizer here; nothing changed.", name=person.name)
        )
    if len(named.people) >= MAX_NAMED:
        raise UserError(
            _(
                "This team already names {count} organizers, as many as it can. Remove "
                "someone first, or name a group with `/turnout organizers group @group`.",
                count=MAX_NAMED,
            )
        )
    await ctx.uow.organizers.name(ctx.team.id, person.account, person.name, ctx.now)
    _changed(ctx)
    return Message(
        _(
            "{name} is now an organizer of this team. `/turnout organizers` lists everyone "
            "named here.",
            name=person.name,
        )
    )


async def _remove(ctx: Context, person: _Person) -> Reply:
    if not await ctx.uow.organizers.unname(ctx.team.id, person.account):
        raise UserError(
            _(
                "{name} isn't named an organizer here, so there's nothing to remove. "
                "`/turnout organizers` lists who is.",
                name=person.name,
            )
        )
    _changed(ctx)
    return _removed(person.name)


async def _group(ctx: Context, who: str) -> Reply:
    if who.lower() in _OFF:
        await ctx.uow.organizers.set_group(ctx.team.id, "", "", ctx.now)
        _changed(ctx)
        return Message(
            _(
                "No group is named any more. The people named here, and the organizers the "
                "platform's own rule makes, stay organizers."
            )
        )
    found = None if mentions.person(who) else mentions.group(who)
    if found is None:
        raise UserError(
            _(
                "Name a group: type `/turnout organizers group @group` with the user group "
                "or role, `/turnout organizers group off` for none, or `/turnout organizers "
                "add @someone` for one person."
            )
        )
    await ctx.uow.organizers.set_group(ctx.team.id, found.account, found.name, ctx.now)
    _changed(ctx)
    return Message(_("The members of {group} are now organizers of this team.", group=found.name))


def _removed(name: str) -> Message:
    return Message(
        _(
            "{name} is no longer named an organizer of this team. Anyone the platform's own "
            "rule makes an organizer stays one.",
            name=name,
        )
    )


def _changed(ctx: Context) -> None:
    """The adapters' checks see the change at once (in this process)."""
    cache = ctx.service(NamedOrganizerCache)
    if cache is not None:
        cache.changed(ctx.team.platform, ctx.team.external_id)
