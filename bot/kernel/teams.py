"""Naming each person's team where a campaign lives in several (linked teams)."""

from collections.abc import Collection, Mapping

from bot.kernel.context import Context


async def people_teams(ctx: Context, volunteer_ids: Collection[int]) -> Mapping[int, str]:
    """Each volunteer's team name, when they aren't all of the asker's own team (a campaign
    of one team reads as it always did); {} otherwise."""
    found = await ctx.uow.links.teams_of_people(volunteer_ids)
    if all(team.id == ctx.team.id for team in found.values()):
        return {}
    return {volunteer_id: team.shown_name for volunteer_id, team in found.items()}
