"""What the core needs from the outside world, as abstract ports.

Storage implements the unit of work and repositories; each adapter implements a Messenger;
tests implement fakes that subclass these and record what happened.
"""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from types import TracebackType
from typing import Self

from bot.domain.campaign import Campaign, Counter, Identity, Team
from bot.domain.notice import NewNotice, Notice, NoticeKind, NoticeState
from bot.domain.phonebank import HeldShift, Shift, ShiftSeats, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.domain.task import ClaimStatus, Task, TaskBoard, TaskClaim
from bot.domain.volunteer import Volunteer
from bot.replies import Reply


class Clock(ABC):
    @abstractmethod
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""


class DeliveryError(Exception):
    """A platform could not deliver a message.

    `retry_after` is set when the platform asked us to slow down; `permanent` when trying again
    cannot help (DMs closed, user gone), which organizers then hear about. `dms_closed` says the
    person is still there but refuses direct messages, so a mention in a channel can reach them.
    """

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        dms_closed: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent or dms_closed
        self.retry_after = retry_after
        self.dms_closed = dms_closed


class Messenger(ABC):
    """Sends messages on one platform. Raises DeliveryError when it cannot."""

    platform: str

    @abstractmethod
    async def send_direct(self, to: Identity, reply: Reply) -> None:
        """Send a direct message to one person."""

    @abstractmethod
    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        """Post to the team's organizer channel (or reach its organizers some other way)."""

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        """Post in the team's volunteers channel, mentioning `to`: for people whose DMs are closed.

        Platforms without such a channel keep this default.
        """
        raise DeliveryError("there is no volunteers channel to mention them in", permanent=True)


class CampaignRepository(ABC):
    @abstractmethod
    async def team(self, platform: str, external_id: str) -> Team | None: ...

    @abstractmethod
    async def add_team(
        self,
        platform: str,
        external_id: str,
        *,
        campaign_name: str,
        timezone: str,
        reminder_offsets: tuple[timedelta, ...],
        contact_within: timedelta,
        now: datetime,
    ) -> Team:
        """Create the team and a campaign of its own."""

    @abstractmethod
    async def get(self, campaign_id: int) -> Campaign: ...

    @abstractmethod
    async def save(self, campaign: Campaign) -> None:
        """Store the campaign's settings (name, timezone, reminder offsets, contact_within)."""

    @abstractmethod
    async def teams_of(self, campaign_id: int) -> Sequence[Team]: ...

    @abstractmethod
    async def next_number(self, campaign_id: int, counter: Counter) -> int:
        """Hand out the next short number of `counter` (shifts, tasks, volunteers), race-free."""


class VolunteerRepository(ABC):
    @abstractmethod
    async def by_identity(self, identity: Identity) -> Volunteer | None: ...

    @abstractmethod
    async def add(
        self, campaign_id: int, number: int, identity: Identity, display_name: str, now: datetime
    ) -> Volunteer:
        """A new volunteer reachable through `identity`; follow_up_due_at is left unset."""

    @abstractmethod
    async def add_newcomer(
        self, campaign_id: int, identity: Identity, display_name: str, now: datetime
    ) -> Volunteer:
        """As `add`, numbered with the campaign's next volunteer number.

        Where transactions run side by side (PostgreSQL) the number is assigned as the unit of
        work commits, since every newcomer of a campaign updates the same counter and holds it
        until commit; until then the volunteer's `number` is a negative placeholder.
        """

    @abstractmethod
    async def get(self, volunteer_id: int) -> Volunteer: ...

    @abstractmethod
    async def save(self, volunteer: Volunteer) -> None:
        """Store every mutable field of the volunteer."""

    @abstractmethod
    async def identities(self, volunteer_id: int) -> Sequence[Identity]:
        """How to reach the volunteer, most recently seen first."""

    @abstractmethod
    async def find(self, campaign_id: int, ref: str) -> Sequence[Volunteer]:
        """Volunteers matching `ref`: their number (`12` or `#12`) or name, case-insensitive."""

    @abstractmethod
    async def uncontacted(self, campaign_id: int) -> Sequence[Volunteer]:
        """Volunteers nobody has contacted yet, longest waiting first (forgotten ones excluded)."""

    @abstractmethod
    async def follow_ups_due(self, now: datetime, limit: int) -> Sequence[Volunteer]:
        """Volunteers in any campaign whose follow_up_due_at has come."""

    @abstractmethod
    async def forget(self, volunteer_id: int, now: datetime) -> None:
        """Erase name, zone, profile and platform identities; keep the row for anonymous counts."""

    @abstractmethod
    async def remove_if_unreferenced(self, volunteer_id: int) -> bool:
        """Delete an erased volunteer's row, and the notices to or about them, when nothing
        else refers to it (no sign-ups, claims, shifts or tasks): nothing is left to count."""


class ShiftRepository(ABC):
    @abstractmethod
    async def add(
        self,
        *,
        campaign_id: int,
        number: int,
        title: str,
        link: str | None,
        starts_at: datetime,
        ends_at: datetime,
        capacity: int,
        created_by: int,
    ) -> Shift:
        """Create a phone bank with its shift."""

    @abstractmethod
    async def by_number(self, campaign_id: int, number: int) -> Shift | None:
        """The shift as it stands, to read; changing its seats needs `hold`."""

    @abstractmethod
    async def hold(self, campaign_id: int, number: int) -> HeldShift | None:
        """Hold the shift for a change of seats until the unit of work ends.

        Another unit of work holding the same shift waits until this one commits or rolls
        back, and then reads the seats as this one left them.
        """

    @abstractmethod
    async def get(self, shift_id: int) -> Shift: ...

    @abstractmethod
    async def upcoming(
        self, campaign_id: int, now: datetime, *, limit: int, offset: int = 0
    ) -> Sequence[ShiftSeats]:
        """Scheduled shifts that have not started, soonest first."""

    @abstractmethod
    async def count_upcoming(self, campaign_id: int, now: datetime) -> int: ...

    @abstractmethod
    async def set_status(self, held: HeldShift, status: ShiftStatus) -> None:
        """Schedule or cancel the held shift."""


class SignupRepository(ABC):
    @abstractmethod
    async def add(
        self, held: HeldShift, volunteer_id: int, status: SignupStatus, now: datetime
    ) -> Signup:
        """A new sign-up for the held shift; its id records its place in the arrival order."""

    @abstractmethod
    async def active(self, shift_id: int, volunteer_id: int) -> Signup | None:
        """The volunteer's confirmed or waitlisted sign-up for the shift, if any."""

    @abstractmethod
    async def counts(self, shift_id: int) -> tuple[int, int]:
        """(confirmed, waitlisted)."""

    @abstractmethod
    async def first_waitlisted(self, shift_id: int) -> Signup | None: ...

    @abstractmethod
    async def waitlist_position(self, signup: Signup) -> int:
        """1 for the next in line."""

    @abstractmethod
    async def set_status(
        self, held: HeldShift, signup_id: int, status: SignupStatus, now: datetime
    ) -> None:
        """Confirm, waitlist or cancel one of the held shift's sign-ups."""

    @abstractmethod
    async def roster(self, shift_id: int) -> Sequence[tuple[Signup, Volunteer]]:
        """Active sign-ups with their volunteers, confirmed first, each in arrival order."""

    @abstractmethod
    async def upcoming_for(
        self, volunteer_id: int, now: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """The volunteer's active sign-ups for scheduled shifts that have not started."""

    @abstractmethod
    async def confirmed_upcoming(
        self, campaign_id: int, now: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """Every confirmed sign-up in the campaign for shifts that have not started."""


class TaskRepository(ABC):
    @abstractmethod
    async def add(
        self,
        *,
        campaign_id: int,
        number: int,
        title: str,
        description: str | None,
        due_on: date | None,
        slots: int,
        created_by: int,
        now: datetime,
    ) -> Task: ...

    @abstractmethod
    async def by_number(self, campaign_id: int, number: int) -> Task | None: ...

    @abstractmethod
    async def hold(self, campaign_id: int, number: int) -> Task | None:
        """The task, held against concurrent claims until the unit of work ends."""

    @abstractmethod
    async def board(self, campaign_id: int) -> Sequence[TaskBoard]:
        """Tasks with their claim counts, newest first; tasks whose every slot is done excluded."""

    @abstractmethod
    async def claims(self, task_id: int) -> Sequence[tuple[TaskClaim, Volunteer]]:
        """Claimed and done claims with their volunteers, in claim order."""

    @abstractmethod
    async def active_claim(self, task_id: int, volunteer_id: int) -> TaskClaim | None:
        """The volunteer's claimed (not yet done, not released) claim on the task."""

    @abstractmethod
    async def add_claim(self, task_id: int, volunteer_id: int, now: datetime) -> TaskClaim: ...

    @abstractmethod
    async def release_claims_of(self, volunteer_id: int, now: datetime) -> int:
        """Release every claim the volunteer still holds (not done ones); returns how many."""

    @abstractmethod
    async def set_claim_status(self, claim_id: int, status: ClaimStatus, now: datetime) -> None: ...


class NoticeRepository(ABC):
    @abstractmethod
    async def add(self, notice: NewNotice) -> int: ...

    async def add_all(self, notices: Sequence[NewNotice]) -> None:
        """Queue several notices as pending. A storage may do it in one go."""
        for notice in notices:
            await self.add(notice)

    @abstractmethod
    async def cancel_pending(
        self,
        *,
        signup_id: int | None = None,
        shift_id: int | None = None,
        volunteer_id: int | None = None,
        kinds: Sequence[NoticeKind] | None = None,
    ) -> int:
        """Cancel pending notices matching every given filter; returns how many."""

    @abstractmethod
    async def claim_due(self, now: datetime, *, limit: int, lease: timedelta) -> Sequence[Notice]:
        """Take up to `limit` due notices (pending, or sending with an expired lease), soonest
        first, mark them sending until now + lease, and count an attempt. Safe against other
        processes claiming at the same time."""

    @abstractmethod
    async def mark(
        self, notice_id: int, state: NoticeState, now: datetime, *, error: str | None = None
    ) -> None:
        """Record the outcome: sent, skipped, cancelled or failed."""

    async def mark_sent(self, notice_ids: Sequence[int], now: datetime) -> None:
        """Record that these notices were sent at `now`; a storage may do it in one go."""
        for notice_id in notice_ids:
            await self.mark(notice_id, NoticeState.SENT, now)

    @abstractmethod
    async def retry_at(
        self, notice_id: int, due_at: datetime, *, error: str, attempt_used: bool = True
    ) -> None:
        """Put a claimed notice back to pending, due again at `due_at`. With `attempt_used`
        False the claim's attempt is given back (a rate limit is not the message's fault)."""

    @abstractmethod
    async def next_due_at(self) -> datetime | None:
        """The earliest due time among pending notices (and sending ones, by lease expiry)."""

    @abstractmethod
    async def ever_queued(self, volunteer_id: int, kind: NoticeKind) -> bool:
        """Whether a notice of `kind` was ever queued for the volunteer, whatever became of it."""

    @abstractmethod
    async def latest_about(self, volunteer_id: int, kind: NoticeKind) -> Notice | None:
        """The most recently queued organizer notice of `kind` about the volunteer."""

    @abstractmethod
    async def pending_for(
        self, *, volunteer_id: int | None = None, shift_id: int | None = None
    ) -> Sequence[Notice]:
        """Pending notices, soonest first: for `/volunteer reminders` feedback and tests."""


class UnitOfWork(ABC):
    """One transaction. Leaving the block without commit() rolls everything back."""

    campaigns: CampaignRepository
    volunteers: VolunteerRepository
    shifts: ShiftRepository
    signups: SignupRepository
    tasks: TaskRepository
    notices: NoticeRepository

    @abstractmethod
    async def __aenter__(self) -> Self: ...

    @abstractmethod
    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    @abstractmethod
    async def commit(self) -> None: ...

    async def read_ahead(self, notices: Sequence[Notice]) -> None:
        """A hint: these notices are about to be rendered in this unit of work, so storage may
        read what they need in a few queries now. Changes nothing anyone can observe."""
        return None  # a storage without a faster way reads as rendering asks


class Storage(ABC):
    """Opens units of work; one per command or dispatcher step."""

    @abstractmethod
    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        """A new unit of work. With write=False it may start as a reader, which does not wait
        for other writers; its first write (or hold) then raises NeedsWriteTurn."""

    @abstractmethod
    async def close(self) -> None: ...


class StorageUnavailable(Exception):
    """The database is locked or unreachable right now; the whole unit of work was rolled back."""


class NeedsWriteTurn(Exception):
    """A unit of work opened as a reader tried to write or hold a row; it was rolled back
    whole, and running it again with write=True will succeed."""


class StorageConflict(Exception):
    """Another transaction wrote the same row first (two first commands from a new workspace
    or person at once, or a deadlock); the whole unit of work was rolled back, and running it
    again will find what the other one wrote."""
