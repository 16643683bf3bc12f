"""Erasing a team's data, asked first.

A team whose campaign is its own takes the whole campaign with it: its people are forgotten
as forget-me forgets each one, then every row of the campaign goes. A team linked into another
team's campaign leaves it: its people are forgotten (their upcoming seats given up, the
waitlists moving up) and the campaign's shifts and tasks stay. A team other teams are linked
into is refused: they would lose their shifts. Either way the team's own row goes, with its
app's installation, so a later install starts afresh.
"""

import logging

from bot.domain.campaign import Team
from bot.domain.errors import UserError
from bot.domain.linking import TeamShare
from bot.kernel.context import Context
from bot.kernel.i18n import _, ngettext
from bot.kernel.wording import and_list
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.ports.storage import UnitOfWork
from bot.team_erasure.buttons import ERASE_TEAM, KEEP_TEAM
from bot.team_erasure.commands import ConfirmEraseTeam, EraseTeam, KeepTeam
from bot.volunteers import forget_volunteers

log = logging.getLogger(__name__)


async def erase_team(cmd: EraseTeam, ctx: Context) -> Reply:
    """`/turnout erase-team`: say what goes and ask; `confirm`: erase it."""
    ctx.require_organizer(_("erase this team's data"))
    whole = await whole_campaign(ctx.uow, ctx.team)
    if cmd.confirmed:
        return await _erase(ctx, whole)
    share = await ctx.uow.links.team_share(ctx.team, whole_campaign=whole)
    return Message(
        what_goes(share, ctx.campaign.name, whole=whole)
        + " "
        + _("Erase? (Or type `/turnout erase-team confirm`.)"),
        buttons=(
            Button(_("Erase this team's data"), ERASE_TEAM.action(ctx.team.id), ButtonStyle.DANGER),
            Button(_("Not now"), KEEP_TEAM.action()),
        ),
    )


async def confirm_erase_team(cmd: ConfirmEraseTeam, ctx: Context) -> Reply:
    """The Erase button: only for the team it was shown to, and only by its organizers."""
    ctx.require_organizer(_("erase this team's data"))
    if cmd.team_id != ctx.team.id:
        raise UserError(
            _(
                "That button isn't for this team. Type `/turnout erase-team` to see what "
                "erasing this team takes."
            )
        )
    return await _erase(ctx, await whole_campaign(ctx.uow, ctx.team))


async def keep_team(cmd: KeepTeam, ctx: Context) -> Reply:
    """Not now: nothing is erased."""
    return Message(_("OK, nothing was erased."))


async def whole_campaign(uow: UnitOfWork, team: Team) -> bool:
    """Whether erasing `team` takes its whole campaign (no other team is in it), or only its
    people (it joined another team's campaign); refused while other teams joined its own."""
    others = [t for t in await uow.campaigns.teams_of(team.campaign_id) if t.id != team.id]
    if not others:
        return True
    if await uow.links.joined(team):
        return False
    raise UserError(
        _(
            "Other teams are linked into this team's campaign: {teams}. Erasing it would take "
            "their shifts too, so nothing was erased: their organizers type `/turnout unlink` "
            "there first, then erase this team.",
            teams=and_list(t.shown_name for t in others),
        )
    )


def what_goes(share: TeamShare, campaign: str, *, whole: bool) -> str:
    """What erasing the team takes, in a sentence or two, for the organizer to weigh."""
    volunteers = ngettext("{count} volunteer", "{count} volunteers", share.volunteers)
    signups = ngettext("{count} sign-up", "{count} sign-ups", share.signups)
    if not whole:
        return _(
            "This team leaves {campaign}, and its people are erased as if each had typed "
            "`/volunteer forget-me`: {volunteers} with {signups}, their names, answers and "
            "accounts (seats to come are given up; past ones stay, without a name). The "
            "campaign's shifts and tasks stay. It can't be undone.",
            campaign=campaign,
            volunteers=volunteers,
            signups=signups,
        )
    return _(
        "This erases {campaign} for good: {shifts}, {signups}, {tasks} and {volunteers}, "
        "with their names, answers and accounts, and the campaign's settings, posts and "
        "calendar feeds. It can't be undone.",
        campaign=campaign,
        shifts=ngettext("{count} shift", "{count} shifts", share.shifts),
        signups=signups,
        tasks=ngettext("{count} task", "{count} tasks", share.tasks),
        volunteers=volunteers,
    )


async def _erase(ctx: Context, whole: bool) -> Reply:
    team = ctx.team
    share = await ctx.uow.links.team_share(team, whole_campaign=whole)
    people = await ctx.uow.links.people_to_erase(team, whole_campaign=whole)
    if whole:
        # Its shifts, sign-ups and notices go first: forgetting its people then gives up only
        # seats and claims elsewhere, and queues nothing here.
        await ctx.uow.links.empty_campaign(ctx.campaign.id)
    await forget_volunteers(ctx, people)
    await ctx.uow.links.erase_team(team)
    if whole:
        await ctx.uow.links.erase_campaign(ctx.campaign.id)
        # The campaign's posts went with it: no edit is owed to any.
        ctx.changed_shifts.clear()
    ctx.erased = not ctx.visitor and any(v.id == ctx.volunteer.id for v in people)
    # Ids and counts only: nothing personal.
    log.info(
        "erased team %s:%s: %d shifts, %d sign-ups, %d tasks, %d volunteers",
        team.platform,
        team.external_id,
        share.shifts,
        share.signups,
        share.tasks,
        share.volunteers,
    )
    return Message(
        _(
            "Done: this team's data is erased, and Turnout forgot the team. Using Turnout "
            "here again starts afresh."
        )
    )
