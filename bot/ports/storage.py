"""A unit of work (one transaction over every repository) and the storage that opens them."""

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self

from bot.ports.attendance import AttendanceRepository
from bot.ports.bookings import BookingRepository
from bot.ports.calendars import CalendarRepository
from bot.ports.desk import DeskRepository
from bot.ports.exports import ExportRepository
from bot.ports.inbox import InboxRepository
from bot.ports.installations import InstallationRepository
from bot.ports.links import LinkRepository
from bot.ports.notices import NoticeRepository
from bot.ports.offers import OfferRepository
from bot.ports.organizers import OrganizerRepository
from bot.ports.people import CampaignRepository, VolunteerRepository
from bot.ports.positions import PositionRepository
from bot.ports.posts import PostRepository
from bot.ports.proposals import ProposalRepository
from bot.ports.requests import RequestRepository
from bot.ports.series import SeriesRepository
from bot.ports.shifts import ShiftRepository, SignupRepository
from bot.ports.stats import StatsRepository
from bot.ports.tasks import TaskRepository


class UnitOfWork(ABC):
    """One transaction. Leaving the block without commit() rolls everything back."""

    campaigns: CampaignRepository
    volunteers: VolunteerRepository
    shifts: ShiftRepository
    signups: SignupRepository
    tasks: TaskRepository
    notices: NoticeRepository
    attendance: AttendanceRepository
    bookings: BookingRepository
    series: SeriesRepository
    proposals: ProposalRepository
    posts: PostRepository
    offers: OfferRepository
    calendars: CalendarRepository
    stats: StatsRepository
    exports: ExportRepository
    requests: RequestRepository
    inbox: InboxRepository
    desk: DeskRepository
    positions: PositionRepository
    installations: InstallationRepository
    links: LinkRepository
    organizers: OrganizerRepository

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


class Storage(ABC):
    """Opens units of work; one per command or dispatcher step."""

    @abstractmethod
    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        """A new unit of work. With write=False it may start as a reader, which does not wait
        for other writers; its first write (or hold) then raises NeedsWriteTurn."""

    @abstractmethod
    async def ping(self) -> None:
        """Ask the database the most trivial question (the health check); raises
        StorageUnavailable when it can't answer. The caller bounds how long it waits."""

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
