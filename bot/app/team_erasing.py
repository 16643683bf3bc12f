"""`turnout erase-team <platform>:<team id>`: the operator erases a team that can no longer
type (a Slack workspace that removed the app), through the same use case as
`/turnout erase-team confirm`, after saying what goes and asking (unless `--yes`)."""

from collections.abc import Callable

from bot.app.bootstrap import bootstrap
from bot.app.clock import SystemClock
from bot.domain.campaign import CampaignDefaults, Identity, Team
from bot.domain.errors import UserError
from bot.kernel.commands import Actor
from bot.kernel.i18n import refusal
from bot.ports.replies import Message
from bot.ports.storage import Storage, UnitOfWork
from bot.team_erasure import EraseTeam, what_goes, whole_campaign

# The operator stands in as an organizer of the team, known to Turnout as nobody.
_OPERATOR = ""


async def erase_team(
    storage: Storage,
    defaults: CampaignDefaults,
    target: str,
    *,
    yes: bool,
    ask: Callable[[str], str] = input,
    say: Callable[[str], None] = print,
) -> int:
    """Erase the team `target` names (`slack:T0123`); the exit status: 0 erased, 1 refused or
    not confirmed, 2 a target that names no team."""
    platform, _colon, external_id = target.partition(":")
    if not (platform and external_id):
        say("turnout: name the team as <platform>:<team id>, like slack:T0123ABCD.")
        return 2
    async with storage.unit_of_work(write=False) as uow:
        team = await uow.campaigns.team(platform, external_id)
        if team is None:
            say(
                f"turnout: Turnout knows no team {target}; `turnout erase-team` needs one it knows."
            )
            return 2
        try:
            preview = await _preview(uow, team)
        except UserError as error:
            say(f"turnout: {refusal(error)}")
            return 1
    say(preview)
    if not yes and ask("Erase? [y/N] ").strip().lower() not in ("y", "yes"):
        say("turnout: nothing was erased.")
        return 1
    bot = bootstrap(storage=storage, messengers=[], clock=SystemClock(), defaults=defaults)
    operator = Actor(Identity(platform, external_id, _OPERATOR), "", is_organizer=True)
    reply = await bot.turnout.handle(EraseTeam(operator, confirmed=True))
    text = reply.text if isinstance(reply, Message) else str(reply)
    say(f"turnout: {text}")
    return 1 if isinstance(reply, Message) and reply.error else 0


async def _preview(uow: UnitOfWork, team: Team) -> str:
    """What erasing the team takes; refused (UserError) while other teams joined its campaign."""
    whole = await whole_campaign(uow, team)
    share = await uow.links.team_share(team, whole_campaign=whole)
    campaign = await uow.campaigns.get(team.campaign_id)
    return what_goes(share, campaign.name, whole=whole)
