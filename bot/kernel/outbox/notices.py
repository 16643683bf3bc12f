"""The notice registry: each kind's spec, declared by the feature that owns the kind.

A notice is written at the moment it is sent, not when it is queued: a reminder then shows the
shift's current link and the volunteer's current zone, an erased volunteer is never named, and a
notice no longer true (its shift cancelled, its seat given up, its moment passed) is dropped
instead. Each feature declares a `NoticeSpec` per kind it queues: the renderer that does this,
what a delivery-failure report calls it, and in a sentence when it is dropped. Live posts are
the one kind of work that is not a message to people: their feature hands the dispatcher a
`ChannelPosts` that puts posts up and edits them.
"""

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign, Team
from bot.domain.notice import Notice, NoticeKind, NoticeState
from bot.domain.post import PostRef
from bot.domain.volunteer import Volunteer
from bot.kernel.context import language_for, zone_for
from bot.kernel.i18n import reading_in
from bot.kernel.outbox.drop import Drop
from bot.ports.replies import Reply
from bot.ports.storage import UnitOfWork


@dataclass(frozen=True, slots=True)
class Scene:
    """What a renderer is given: the notice, its unit of work, the moment and who it is for."""

    notice: Notice
    uow: UnitOfWork
    now: datetime
    campaign: Campaign
    volunteer: Volunteer | None

    @property
    def zone(self) -> ZoneInfo:
        """The zone the reader sees times in (the campaign's for organizers)."""
        return zone_for(self.volunteer, self.campaign)

    async def subject(self) -> Volunteer:
        """The volunteer an organizer notice is about (its payload's `volunteer_id`)."""
        return await self.uow.volunteers.get(int(self.notice.payload["volunteer_id"]))


Renderer = Callable[[Scene], Awaitable[Reply | Drop]]


@dataclass(frozen=True, slots=True)
class NoticeSpec:
    """One kind of notice.

    `render` writes it as of now or says why it is dropped; `dropped` says when in one
    sentence. `description` names it in a delivery-failure report ("a shift reminder").
    `in_channel` mentions the volunteer in the volunteers channel instead of a DM. Without
    `render` the kind is a channel post, put up by the feature's `ChannelPosts`. `their_team`:
    an organizers' notice about a volunteer goes only to the organizers of that volunteer's
    own team, the ones who can reach them, when teams are linked into one campaign.
    """

    kind: NoticeKind
    render: Renderer | None
    dropped: str
    description: str = "a message"
    in_channel: bool = False
    their_team: bool = False


@dataclass(frozen=True, slots=True)
class Outgoing:
    reply: Reply
    # None: the campaign's organizers.
    to: Volunteer | None
    # Mention `to` in the volunteers channel instead of a DM (their DMs are closed).
    in_channel: bool = False


class PostWork(Protocol):
    """A channel post to put up (`ref` None: in `team`'s `channel`) or to edit, ready to send."""

    @property
    def notice(self) -> Notice: ...
    @property
    def platform(self) -> str: ...
    @property
    def reply(self) -> Reply: ...
    @property
    def team(self) -> Team | None: ...
    @property
    def channel(self) -> str: ...
    @property
    def ref(self) -> PostRef | None: ...


Work = TypeVar("Work", bound=PostWork)


@dataclass(frozen=True, slots=True)
class ChannelPosts(Generic[Work]):
    """How the dispatcher puts up and edits channel posts: their kinds, which of a batch are
    made pointless by another (`superseded`, dropped as `pointless`), how each is written, and
    what is recorded once it was sent (`settle`) or can never be (`forget`)."""

    kinds: frozenset[NoticeKind]
    pointless: Drop
    superseded: Callable[[Sequence[Notice]], set[int]]
    prepare: Callable[[UnitOfWork, Notice, datetime], Awaitable[Work | Drop]]
    settle: Callable[[UnitOfWork, Work, PostRef, datetime], Awaitable[None]]
    forget: Callable[[UnitOfWork, Work, str, datetime], Awaitable[None]]


class NoticeBook:
    """Every kind's spec, and the channel posts; what the dispatcher renders notices with."""

    def __init__(self, specs: Iterable[NoticeSpec], posts: ChannelPosts[Any]) -> None:
        self.specs: dict[NoticeKind, NoticeSpec] = {}
        for spec in specs:
            if spec.kind in self.specs:
                raise ValueError(f"two specs for the notice kind {spec.kind}")
            self.specs[spec.kind] = spec
        self.posts = posts

    def description(self, kind: NoticeKind) -> str:
        """How a delivery-failure report names a notice of `kind`."""
        return self.specs[kind].description

    async def render(self, notice: Notice, uow: UnitOfWork, now: datetime) -> Outgoing | Drop:
        """What a notice says now, to whom, or why it is dropped (its moment passed, nobody
        to tell)."""
        campaign = await uow.campaigns.get(notice.campaign_id)
        volunteer = await uow.volunteers.get(notice.volunteer_id) if notice.volunteer_id else None
        if volunteer is not None and volunteer.forgotten_at is not None:
            return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
        spec = self.specs[notice.kind]
        assert spec.render is not None, f"{notice.kind} is a channel post"
        # Written in the recipient's language as it is now (the organizers': the campaign's).
        with reading_in(language_for(volunteer, campaign)):
            result = await spec.render(Scene(notice, uow, now, campaign, volunteer))
        if isinstance(result, Drop):
            return result
        return Outgoing(result, volunteer, in_channel=spec.in_channel)
