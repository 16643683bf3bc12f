"""What every use case gets: the open unit of work, the moment, and who is asking."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign, CampaignDefaults, Team
from bot.domain.errors import UserError
from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.volunteer import Volunteer
from bot.kernel.commands import Actor
from bot.kernel.i18n import _, current_language
from bot.kernel.intake.docs import Docs
from bot.ports.storage import UnitOfWork

Service = TypeVar("Service")
Row = TypeVar("Row")

# When the platform doesn't say how its organizers are chosen (its adapter says it otherwise).
_WHO_DECIDES = "Whoever set up Turnout for this team decides who the organizers are."


class Catalogue(Protocol):
    """What a use case may ask of every feature at once (it can't import the catalogue, which
    imports every use case)."""

    def help_text(
        self, topic: str, *, organizer: bool, host: bool = False, docs: Docs | None = None
    ) -> str:
        """The command reference for `topic` ("": the overview), as its reader may use it,
        pointing into the documentation at `docs`."""
        ...

    async def erase(self, ctx: "Context") -> None:
        """What every feature does as the person asking is forgotten, in this unit of work."""
        ...


@dataclass(slots=True)
class Context:
    uow: UnitOfWork
    now: datetime
    actor: Actor
    team: Team
    campaign: Campaign
    volunteer: Volunteer
    # True when this command is the first time Turnout has seen the person.
    first_contact: bool = False
    # Someone Turnout doesn't know, running a command that doesn't make them a volunteer (a
    # read, forget-me): `volunteer` stands in for them and is stored nowhere.
    visitor: bool = False
    queued: list[NoticeKind] = field(default_factory=list)
    # The person erased themselves in this command (forget-me).
    erased: bool = False
    # Shifts changed by this command (None: a new shift); their live posts and the campaign's
    # boards owe an edit, queued just before commit (bot/live_posts/edits.py).
    changed_shifts: set[int | None] = field(default_factory=set)
    # What the front door lends features by type (the calendar feeds' signed links, when
    # TURNOUT_PUBLIC_URL is set): the kernel knows no feature's services.
    services: dict[type, object] = field(default_factory=dict)
    # What the entry's `prepare` read beforehand, outside the write turn (None: not run).
    prepared: Any = None
    # Every feature's help and erasure; set by the front door before the use case runs.
    catalogue: Catalogue | None = None

    @classmethod
    async def open(
        cls,
        uow: UnitOfWork,
        actor: Actor,
        now: datetime,
        defaults: CampaignDefaults,
        *,
        enrol: bool = True,
    ) -> "Context":
        """Find the actor's team, campaign and volunteer; on first contact create them, or
        without `enrol` (a command that makes nobody a volunteer) only the team and campaign,
        with a visitor standing in for the volunteer."""
        identity = actor.identity
        team = await _team(uow, actor, now, defaults)
        campaign = await uow.campaigns.get(team.campaign_id)
        volunteer = await uow.volunteers.by_identity(identity)
        first_contact = volunteer is None
        if volunteer is None and not enrol:
            visitor = _visitor(actor, campaign, now)
            return cls(uow, now, actor, team, campaign, visitor, visitor=True)
        if volunteer is None:
            # Written with the row, not saved right after it: the follow-up that greeting a
            # newcomer sets (bot/volunteers/welcome.py; organizers count as contacted instead)
            # and their profile's zone and language (below).
            volunteer = await uow.volunteers.add_newcomer(
                campaign.id,
                identity,
                actor.display_name,
                now,
                follow_up_due_at=None if actor.is_organizer else now + campaign.contact_within,
                platform_timezone=actor.timezone or None,
                platform_language=actor.locale or None,
            )
        elif volunteer.display_name != actor.display_name and actor.display_name:
            # People rename themselves; show what their teammates see today.
            volunteer = replace(volunteer, display_name=actor.display_name)
            await uow.volunteers.save(volunteer)
        if actor.timezone and actor.timezone != volunteer.platform_timezone:
            # Their profile's zone, for texts that can't show each reader's own (previews,
            # forms); saved when it first arrives or changes, so not on every command.
            volunteer = replace(volunteer, platform_timezone=actor.timezone)
            await uow.volunteers.save(volunteer)
        if actor.locale and actor.locale != volunteer.platform_language:
            # Their platform's language, for what they are sent later (reminders): saved when
            # it first arrives or changes.
            volunteer = replace(volunteer, platform_language=actor.locale)
            await uow.volunteers.save(volunteer)
        ctx = cls(uow, now, actor, team, campaign, volunteer, first_contact)
        return ctx

    def require_organizer(self, doing: str) -> None:
        if not self.actor.is_organizer:
            how = self.actor.becoming_organizer or _WHO_DECIDES
            raise UserError(_("Only organizers can {doing}. {how}", doing=doing, how=how))

    def require_organizer_or_host(self, shift: Shift, doing: str) -> None:
        """Organizers may do anything; a host only on the shift they host."""
        if self.actor.is_organizer or (
            shift.host_id is not None and shift.host_id == self.volunteer.id
        ):
            return
        raise UserError(
            _(
                "Only organizers and the host of #{number} can {doing}. If you host a "
                "shift, `/phonebank mine` shows it.",
                number=shift.number,
                doing=doing,
            )
        )

    async def with_teams(
        self, pairs: Sequence[tuple[Row, Volunteer]]
    ) -> list[tuple[Row, Volunteer]]:
        """`pairs` with each volunteer named with their team (`Maria (Lake County)`) when
        they aren't all of the asker's own team, as in a campaign of linked teams."""
        found = await self.uow.links.teams_of_people([v.id for _row, v in pairs])
        if all(team.id == self.team.id for team in found.values()):
            return list(pairs)
        return [
            (row, replace(v, display_name=_("{name} ({team})", name=v.name, team=team.shown_name)))
            if (team := found.get(v.id)) and v.display_name
            else (row, v)
            for row, v in pairs
        ]

    def shift_changed(self, shift_id: int | None) -> None:
        """Note that the shift changed (None: a shift was added, which only boards show)."""
        self.changed_shifts.add(shift_id)

    def service(self, kind: type[Service]) -> Service | None:
        """The service of type `kind` the front door lent, if any."""
        found = self.services.get(kind)
        return found if isinstance(found, kind) else None

    def lookup(self) -> Catalogue:
        """The catalogue the front door lent this command."""
        assert self.catalogue is not None, "the front door sets the catalogue"
        return self.catalogue

    @property
    def zone(self) -> ZoneInfo:
        """The zone to show times in for the person asking."""
        return zone_for(self.volunteer, self.campaign)

    @property
    def language(self) -> str:
        """The language the person asking reads: organizers keep English (or the language in
        force) unless they chose one or their platform names one, whatever the campaign's."""
        if self.actor.is_organizer and not (
            self.volunteer.language or self.volunteer.platform_language
        ):
            return current_language()
        return language_for(self.volunteer, self.campaign)

    @property
    def campaign_zone(self) -> ZoneInfo:
        return ZoneInfo(self.campaign.timezone)

    async def notify(
        self,
        kind: NoticeKind,
        *,
        volunteer_id: int | None = None,
        shift_id: int | None = None,
        signup_id: int | None = None,
        payload: dict[str, Any] | None = None,
        due_at: datetime | None = None,
    ) -> None:
        """Queue a notice in this unit of work; it goes out once the command commits."""
        await self.notify_all(
            [
                self.notice(
                    kind,
                    volunteer_id=volunteer_id,
                    shift_id=shift_id,
                    signup_id=signup_id,
                    payload=payload,
                    due_at=due_at,
                )
            ]
        )

    def notice(
        self,
        kind: NoticeKind,
        *,
        volunteer_id: int | None = None,
        shift_id: int | None = None,
        signup_id: int | None = None,
        payload: dict[str, Any] | None = None,
        due_at: datetime | None = None,
    ) -> NewNotice:
        """A notice of this campaign, due now unless `due_at` says otherwise (see notify_all)."""
        return NewNotice(
            campaign_id=self.campaign.id,
            kind=kind,
            due_at=due_at or self.now,
            volunteer_id=volunteer_id,
            shift_id=shift_id,
            signup_id=signup_id,
            payload=payload or {},
        )

    async def notify_all(self, notices: Sequence[NewNotice]) -> None:
        """Queue several notices in one statement (see notify)."""
        if len(notices) == 1:
            await self.uow.notices.add(notices[0])
        else:
            await self.uow.notices.add_all(notices)
        self.queued.extend(notice.kind for notice in notices)


def _visitor(actor: Actor, campaign: Campaign, now: datetime) -> Volunteer:
    """Someone Turnout doesn't know, as a volunteer who has nothing: no id any row holds (ids
    start at 1), their name and their profile's zone, the campaign's reminders."""
    return Volunteer(
        id=0,
        campaign_id=campaign.id,
        number=0,
        display_name=actor.display_name,
        timezone=None,
        reminder_offsets=None,
        profile=None,
        joined_at=now,
        platform_timezone=actor.timezone or None,
        platform_language=actor.locale or None,
    )


def zone_for(volunteer: Volunteer | None, campaign: Campaign) -> ZoneInfo:
    """The zone to show `volunteer` times in: the one they typed, else their platform
    profile's, else the campaign's."""
    own = volunteer.own_timezone if volunteer else None
    return ZoneInfo(own or campaign.timezone)


def language_for(volunteer: Volunteer | None, campaign: Campaign) -> str:
    """The language `volunteer` reads (None: the organizers, a channel): the one they chose,
    else their platform's, else the campaign's, else the one in force (English unless the
    deployment says otherwise)."""
    own = (volunteer.language or volunteer.platform_language) if volunteer else None
    return own or campaign.language or current_language()


async def _team(uow: UnitOfWork, actor: Actor, now: datetime, defaults: CampaignDefaults) -> Team:
    """The actor's team; on its first command, a new team with a campaign of its own."""
    identity = actor.identity
    team = await uow.campaigns.team(identity.platform, identity.team_external_id)
    if team is None:
        team = await uow.campaigns.add_team(
            identity.platform,
            identity.team_external_id,
            campaign_name=defaults.name_for(actor.team_name),
            timezone=defaults.timezone,
            reminder_offsets=defaults.reminder_offsets,
            contact_within=defaults.contact_within,
            now=now,
            team_name=actor.team_name,
        )
    elif actor.team_name and actor.team_name != team.name:
        # Rosters of linked teams name each person's team as its platform names it today.
        await uow.links.name_team(team, actor.team_name)
        team = replace(team, name=actor.team_name)
    return team
