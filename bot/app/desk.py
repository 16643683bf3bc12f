"""The organizer's desk as the web adapter uses it: sign-in, sessions, the shift board, and
every action run through the front door as the person signed in.

The web adapter only translates: a form becomes the same command a chat platform would send
(`Options` of a catalogue entry, a button's action, a form submission), recorded in the inbox
first, so the desk refuses what chat refuses with the same sentence. Who a person is now (an
organizer still?) is asked of their platform each time, as recovery asks it (`Replayer.actor`).
"""

import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.app.arrivals import NOT_RECORDED, Options, Press, Submit, Work
from bot.app.turnout import ALREADY_DONE, Turnout
from bot.desk import HOSTED_WITHIN, SESSION_LIFE, DeskLinks, hashed
from bot.domain.attendance import Attendance
from bot.domain.campaign import Campaign, Identity
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup
from bot.domain.volunteer import Volunteer
from bot.kernel.commands import Actor
from bot.kernel.context import zone_for
from bot.kernel.i18n import _
from bot.ports.clock import Clock
from bot.ports.desk import BoardShift
from bot.ports.replies import FormSubmission, Message, Reply
from bot.ports.storage import Storage, UnitOfWork

log = logging.getLogger(__name__)


class People(Protocol):
    """A platform's answer to "who is this account now" (every platform's Replayer is one)."""

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None: ...


@dataclass(frozen=True, slots=True)
class DeskUser:
    """Who a session is, as of this request."""

    actor: Actor
    volunteer: Volunteer
    campaign: Campaign
    csrf: str
    zone: ZoneInfo

    @property
    def is_organizer(self) -> bool:
        return self.actor.is_organizer


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the id for the cookie (never stored as such) and how long it lasts."""

    session_id: str
    max_age: int


@dataclass(frozen=True, slots=True)
class RosterLine:
    signup: Signup
    volunteer: Volunteer
    attendance: Attendance


class Desk:
    def __init__(
        self,
        *,
        turnout: Turnout,
        storage: Storage,
        clock: Clock,
        links: DeskLinks,
        people: Mapping[str, People],
    ) -> None:
        self._turnout = turnout
        self._storage = storage
        self._clock = clock
        self.links = links
        # By platform name: the console, Slack, Discord.
        self._people = people

    async def sign_in(self, token: str) -> SignedIn | None:
        """Open a sign-in link: a new session, or None when the link is forged, used, expired,
        or its person may no longer use the desk (then nothing changes)."""
        now = self._clock.now()
        # Who may sign in is asked of their platform outside the write: on SQLite the write
        # turn is never held across a platform's answer.
        async with self._storage.unit_of_work(write=False) as uow:
            link = await self.links.link_hash(uow, token)
            owner = None if link is None else await uow.desk.link_owner(link, now)
            if link is None or owner is None or await self._user(uow, owner, "", now) is None:
                return None
        session_id = secrets.token_urlsafe(32)
        async with self._storage.unit_of_work() as uow:
            # One statement: of two openings at once, one gets the session.
            volunteer_id = await uow.desk.use_link(link, now)
            if volunteer_id is None:
                return None
            await uow.desk.add_session(
                hashed(session_id), volunteer_id, secrets.token_urlsafe(24), now, now + SESSION_LIFE
            )
            await uow.commit()
        log.info("volunteer %s signed in to the desk", volunteer_id)
        return SignedIn(session_id, int(SESSION_LIFE.total_seconds()))

    async def user(self, session_id: str) -> DeskUser | None:
        """The person a session cookie names, if the session lives and they may use the desk."""
        if not session_id:
            return None
        now = self._clock.now()
        async with self._storage.unit_of_work(write=False) as uow:
            session = await uow.desk.session(hashed(session_id), now)
            if session is None:
                return None
            return await self._user(uow, session.volunteer_id, session.csrf, now)

    async def _user(
        self, uow: UnitOfWork, volunteer_id: int, csrf: str, now: datetime
    ) -> DeskUser | None:
        volunteer = await uow.volunteers.get(volunteer_id)
        if volunteer.forgotten_at is not None:
            return None
        actor = await self._actor(await uow.volunteers.identities(volunteer_id))
        if actor is None:
            return None
        if not actor.is_organizer and not await uow.shifts.hosts_any(
            volunteer_id, ended_after=now - HOSTED_WITHIN
        ):
            return None
        campaign = await uow.campaigns.get(volunteer.campaign_id)
        return DeskUser(actor, volunteer, campaign, csrf, zone_for(volunteer, campaign))

    async def _actor(self, identities: Sequence[Identity]) -> Actor | None:
        for identity in identities:
            people = self._people.get(identity.platform)
            if people is not None and (actor := await people.actor(identity, {})) is not None:
                return actor
        return None

    async def board(self, user: DeskUser, since: datetime) -> Sequence[BoardShift]:
        """Shifts ending after `since` the user may manage: all of them, or a host's own."""
        host = None if user.is_organizer else user.volunteer.id
        async with self._storage.unit_of_work(write=False) as uow:
            return await uow.desk.board(user.campaign.id, since, host)

    async def shift(self, user: DeskUser, shift_id: int) -> Shift | None:
        """The shift, if it is the user's campaign's and theirs to manage; else None."""
        async with self._storage.unit_of_work(write=False) as uow:
            try:
                shift = await uow.shifts.get(shift_id)
            except LookupError:
                return None
        # Another campaign's shift is as unknown as a missing one; a host sees their own.
        if shift.campaign_id != user.campaign.id:
            return None
        if not user.is_organizer and shift.host_id != user.volunteer.id:
            return None
        return shift

    async def roster(self, shift: Shift) -> Sequence[RosterLine]:
        """Everyone holding or waiting for a seat on `shift` (one `shift` returned), in order."""
        async with self._storage.unit_of_work(write=False) as uow:
            records = await uow.attendance.for_shift(shift.id)
            return [
                RosterLine(signup, volunteer, records.get(signup.id, Attendance(signup.id)))
                for signup, volunteer in await uow.signups.roster(shift.id)
            ]

    async def ask(
        self, user: DeskUser, group: str, verb: str, options: Mapping[str, object], nonce: str = ""
    ) -> Reply:
        """Run `/group verb` with typed options, as Discord's slash commands do."""
        return await self._run(user, Options(group, verb, dict(options)), nonce)

    async def press(self, user: DeskUser, action: str, nonce: str) -> Reply:
        return await self._run(user, Press(action), nonce)

    async def submit(self, user: DeskUser, submission: FormSubmission, nonce: str) -> Reply:
        return await self._run(user, Submit(submission.form_id, submission.values), nonce)

    async def _run(self, user: DeskUser, work: Work, nonce: str) -> Reply:
        # The page's one-time nonce keys the inbox row: a form posted twice runs once.
        receipt = NOT_RECORDED
        if nonce:
            receipt = await self._turnout.accept(
                f"desk:{nonce}", user.actor.identity, work, {"desk": True}
            )
            if receipt.duplicate:
                return Message(_(ALREADY_DONE))
        return await self._turnout.run(user.actor, work, receipt)

    def now(self) -> datetime:
        return self._clock.now()
