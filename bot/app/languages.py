"""Which language to answer someone in before (or without) a unit of work of their own."""

import logging

from bot.kernel.commands import Actor
from bot.kernel.context import language_for
from bot.kernel.i18n import current_language
from bot.ports.storage import Storage

log = logging.getLogger(__name__)


def platform_language(actor: Actor) -> str:
    """What their platform says they read, else the language in force (English)."""
    return actor.locale or current_language()


async def reader_language(storage: Storage, actor: Actor) -> str:
    """The language `actor` reads, for a command that could not be read (so no unit of work
    opened for it): the one they chose, else their platform's, else (for volunteers) the one
    their platform named before or the campaign's; organizers keep English."""
    try:
        async with storage.unit_of_work(write=False) as uow:
            identity = actor.identity
            team = await uow.campaigns.team(identity.platform, identity.team_external_id)
            if team is None:
                return platform_language(actor)
            campaign = await uow.campaigns.get(team.campaign_id)
            volunteer = await uow.volunteers.by_identity(identity)
    except Exception:
        # A refusal must still be answered: in the platform's language, without the database.
        log.warning("couldn't read who is asking; answering in their platform's language")
        return platform_language(actor)
    if volunteer is not None and volunteer.language:
        return volunteer.language
    if actor.locale or actor.is_organizer:
        return platform_language(actor)
    return language_for(volunteer, campaign)
