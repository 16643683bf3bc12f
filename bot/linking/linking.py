"""Linking teams into one campaign with a one-time code, and unlinking.

When a team joins, everything of its campaign moves into the joined one: its people (each
keeping their accounts and their team), shifts, tasks, series and posts; shifts, tasks and
volunteers take the next numbers of the joined campaign, and the organizer who confirmed is
told every new number in one message. Unlinking gives the team a campaign of its own again;
what exists stays where it is.
"""

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.campaign import Counter
from bot.domain.errors import UserError
from bot.domain.linking import (
    LINK_CODE_LIFETIME,
    LinkCode,
    Renumbered,
    link_code_hash,
    looks_like_link_code,
    new_link_code,
)
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list
from bot.linking.buttons import KEEP_LINKS, LINK, UNLINK
from bot.linking.commands import ConfirmLink, KeepLinks, LinkTeam, UnlinkTeam
from bot.ports.replies import Button, ButtonStyle, Message, Reply

_EXAMPLE = "K7QM-4XPA-ZR2T"


async def link_team(cmd: LinkTeam, ctx: Context) -> Reply:
    """`/turnout link`: hand out a code; `/turnout link <code>`: join the campaign it names."""
    ctx.require_organizer(_("link teams into one campaign"))
    if not cmd.code:
        return await _new_code(ctx)
    if not looks_like_link_code(cmd.code):
        raise UserError(
            _(
                "That isn't a link code: codes look like `{example}`. Type "
                "`/turnout link` and the code another team's organizer gave you.",
                example=_EXAMPLE,
            )
        )
    code = await ctx.uow.links.by_hash(link_code_hash(cmd.code))
    if code is None:
        raise UserError(
            _(
                "I don't know that link code. Check it with the organizer who gave it to "
                "you; codes look like `{example}`.",
                example=_EXAMPLE,
            )
        )
    await _check(ctx, code)
    if cmd.confirmed:
        return await _join(ctx, code)
    await ctx.uow.links.presented(code.id, ctx.team)
    joined = await ctx.uow.campaigns.get(code.campaign_id)
    teams = await ctx.uow.campaigns.teams_of(joined.id)
    return Message(
        _(
            "This team will join {campaign} (with {teams}): your shifts, tasks and "
            "volunteers move into it and take its next numbers, and everyone here sees "
            "and joins its shifts and tasks. Join? (Or type `/turnout link {code} confirm`.)",
            campaign=joined.name,
            teams=and_list(t.shown_name for t in teams),
            code=cmd.code.strip(),
        ),
        buttons=(
            Button(_("Join the campaign"), LINK.action(code.id), ButtonStyle.PRIMARY),
            Button(_("Not now"), KEEP_LINKS.action()),
        ),
    )


async def confirm_link(cmd: ConfirmLink, ctx: Context) -> Reply:
    """The Join button: only for the team that typed the code, and only by its organizers."""
    ctx.require_organizer(_("link teams into one campaign"))
    code = await ctx.uow.links.get(cmd.code_id)
    if code is None or code.presented_by != ctx.team.id:
        raise UserError(
            _(
                "That button isn't for this team. Type `/turnout link` and the code another "
                "team's organizer gave you."
            )
        )
    await _check(ctx, code)
    return await _join(ctx, code)


async def keep_links(cmd: KeepLinks, ctx: Context) -> Reply:
    """Not now: nothing changes."""
    return Message(_("OK, nothing changed."))


async def unlink_team(cmd: UnlinkTeam, ctx: Context) -> Reply:
    """`/turnout unlink`: this team leaves a campaign it shares (asked first)."""
    ctx.require_organizer(_("unlink this team from the campaign"))
    teams = await ctx.uow.campaigns.teams_of(ctx.campaign.id)
    others = [t.shown_name for t in teams if t.id != ctx.team.id]
    if not others:
        raise UserError(
            _(
                "This team isn't linked with another, so there's nothing to unlink. "
                "`/turnout link` gives you a code to link one."
            )
        )
    if not cmd.confirmed:
        return Message(
            _(
                "This team will leave {campaign} and get a campaign of its own again. "
                "Shifts and tasks stay with {teams}, sign-ups already made stay, and "
                "your volunteers come with you. Unlink? (Or type "
                "`/turnout unlink confirm`.)",
                campaign=ctx.campaign.name,
                teams=and_list(others),
            ),
            buttons=(
                Button(_("Unlink this team"), UNLINK.action(), ButtonStyle.DANGER),
                Button(_("Not now"), KEEP_LINKS.action()),
            ),
        )
    left = ctx.campaign.name
    ctx.team = await ctx.uow.links.leave(ctx.team, ctx.campaign, ctx.team.shown_name, ctx.now)
    ctx.campaign = await ctx.uow.campaigns.get(ctx.team.campaign_id)
    # The team's boards now show its own campaign: each owes an edit.
    ctx.shift_changed(None)
    if not ctx.visitor:
        ctx.volunteer = replace(ctx.volunteer, campaign_id=ctx.campaign.id)
    return Message(
        _(
            "This team left {campaign} and has a campaign of its own again. Shifts "
            "created from now on stay with the team that creates them; sign-ups already "
            "made stay.",
            campaign=left,
        )
    )


async def _new_code(ctx: Context) -> Reply:
    code = new_link_code()
    expires_at = ctx.now + LINK_CODE_LIFETIME
    await ctx.uow.links.add_code(ctx.team, link_code_hash(code), now=ctx.now, expires_at=expires_at)
    return Message(
        _(
            "Your link code is `{code}`. Give it to an organizer of another team (Slack, "
            "Discord or the console): they type `/turnout link {code}` there to join "
            "{campaign}. It works once, until {when}; keep it among organizers.",
            code=code,
            campaign=ctx.campaign.name,
            when=timefmt.when(expires_at, ctx.zone),
        )
    )


async def _check(ctx: Context, code: LinkCode) -> None:
    """One sentence for a code this team can't use; nothing changes."""
    if code.campaign_id == ctx.campaign.id:
        raise UserError(
            _("This team is already part of that campaign, so there's nothing to link.")
        )
    if code.used_at is not None:
        raise UserError(
            _(
                "That link code was already used. Ask the organizer who gave it to you for a "
                "new one (`/turnout link` makes one)."
            )
        )
    if code.expired(ctx.now):
        raise UserError(
            _(
                "That link code has expired (codes work for 24 hours). Ask the organizer who "
                "gave it to you for a new one."
            )
        )


async def _join(ctx: Context, code: LinkCode) -> Reply:
    if not await ctx.uow.links.redeem(code.id, ctx.team, ctx.now):
        # Another organizer used it a moment ago.
        raise UserError(
            _(
                "That link code was already used. Ask the organizer who gave it to you for a "
                "new one (`/turnout link` makes one)."
            )
        )
    joined = await ctx.uow.campaigns.get(code.campaign_id)
    # The joined campaign's digest goes on; the joining one's queued digest would be a second.
    await ctx.uow.stats.cancel_digests(ctx.campaign.id)
    renumbered = await ctx.uow.links.join(ctx.campaign.id, joined.id)
    ctx.campaign = joined
    ctx.team = replace(ctx.team, campaign_id=joined.id)
    if not ctx.visitor:
        numbers = {r.old: r.new for r in renumbered if r.counter is Counter.VOLUNTEER}
        ctx.volunteer = replace(
            ctx.volunteer,
            campaign_id=joined.id,
            number=numbers.get(ctx.volunteer.number, ctx.volunteer.number),
        )
    # Every board of the campaign now lists this team's shifts too, and the posts of its own
    # shifts show their new numbers.
    ctx.shift_changed(None)
    for moved in renumbered:
        if moved.counter is Counter.SHIFT:
            ctx.shift_changed(moved.row_id)
    teams = await ctx.uow.campaigns.teams_of(joined.id)
    lines = [
        _(
            "This team is now part of {campaign}, with {teams}. Everyone here sees and "
            "joins its shifts and tasks, and rosters show each person's team.",
            campaign=joined.name,
            teams=and_list(t.shown_name for t in teams if t.id != ctx.team.id),
        )
    ]
    shifts = _changes(renumbered, Counter.SHIFT)
    if shifts:
        lines.append(_("Your shifts' new numbers: {changes}.", changes=shifts))
    tasks = _changes(renumbered, Counter.TASK)
    if tasks:
        lines.append(_("Your tasks' new numbers: {changes}.", changes=tasks))
    # Volunteers are numbered one after another, in the order they had: a range says it all.
    people = [r.new for r in renumbered if r.counter is Counter.VOLUNTEER]
    if len(people) == 1:
        lines.append(_("Your volunteer's number is now #{number}.", number=people[0]))
    elif people:
        lines.append(
            _(
                "Your volunteers keep their order with the numbers #{first} to #{last}.",
                first=people[0],
                last=people[-1],
            )
        )
    return Message("\n".join(lines))


def _changes(renumbered: Sequence[Renumbered], counter: Counter) -> str:
    changes = [
        _("#{old} is now #{new}", old=r.old, new=r.new) for r in renumbered if r.counter is counter
    ]
    return and_list(changes) if changes else ""
