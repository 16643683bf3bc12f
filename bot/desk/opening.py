"""`/turnout desk`: a private sign-in link to the organizer's desk; `signout` ends sessions."""

from datetime import timedelta

from bot.desk.commands import OpenDesk
from bot.desk.links import DeskLinks
from bot.domain.errors import UserError
from bot.kernel.context import Context
from bot.kernel.i18n import N_, _
from bot.kernel.intake.buttons import link_action
from bot.ports.replies import Button, Message, Reply

DESK_OFF = N_(
    "The desk is off on this server. To turn it on, whoever runs Turnout sets "
    "TURNOUT_PUBLIC_URL to the address where it can be reached (see docs/operations.md, "
    "The web listener)."
)
# A host keeps the desk for the shifts they hosted until marking them closes.
HOSTED_WITHIN = timedelta(days=7)


async def may_use_desk(ctx: Context) -> bool:
    """Organizers, and hosts of a shift not long over."""
    if ctx.actor.is_organizer:
        return True
    return await ctx.uow.shifts.hosts_any(ctx.volunteer.id, ended_after=ctx.now - HOSTED_WITHIN)


async def open_desk(cmd: OpenDesk, ctx: Context) -> Reply:
    """A single-use sign-in link, valid 15 minutes, sent only to the asker."""
    links = ctx.service(DeskLinks)
    if cmd.signout:
        ended = await ctx.uow.desk.sign_out(ctx.volunteer.id)
        if not ended:
            return Message(_("You weren't signed in to the desk anywhere; nothing changed."))
        return Message(_("Done: you're signed out of the desk on every device."))
    if links is None:
        return Message(_(DESK_OFF))
    if not await may_use_desk(ctx):
        how = ctx.actor.becoming_organizer
        raise UserError(
            _(
                "Only organizers and hosts can open the desk. {how}",
                how=how or _("Whoever set up Turnout for this team decides who organizes."),
            )
        )
    url = await links.issue(ctx.uow, ctx.volunteer.id, ctx.now)
    return Message(
        _(
            "Here is your sign-in link to the desk. It works once, for 15 minutes; keep it to "
            "yourself. `/turnout desk signout` signs you out everywhere."
        ),
        buttons=(Button(_("Open the desk"), link_action("desk"), url=url),),
    )
