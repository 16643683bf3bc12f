"""What volunteers and organizers ask about volunteer-hosted phone banks."""

from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.domain.kinds import PHONE_BANK
from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class ProposeShift(Command):
    """`/phonebank propose`: a volunteer offers to host a phone bank."""

    title: str
    day: date
    start: time
    duration: timedelta
    capacity: int
    link: str | None = None
    # Its kind's id (bot.domain.kinds): `/phonebank propose` offers phone banks.
    kind: str = PHONE_BANK.id


@dataclass(frozen=True, slots=True)
class StartProposalForm(Command):
    """`/phonebank propose` alone: ask for the phone bank in a form; `/shift propose` alone
    asks the kind first (None)."""

    kind: str | None = PHONE_BANK.id


@dataclass(frozen=True, slots=True)
class ListProposals(Command):
    """`/phonebank proposals`: those waiting for an answer (organizers)."""


@dataclass(frozen=True, slots=True)
class ApproveProposal(Command):
    proposal: int


@dataclass(frozen=True, slots=True)
class StartDeclineForm(Command):
    """The Decline button: ask the organizer why, in a form."""

    proposal: int


@dataclass(frozen=True, slots=True)
class DeclineProposal(Command):
    proposal: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SetHost(Command):
    """`/phonebank host <shift> <who>`."""

    shift: int
    who: str
