"""Positions inside a shift, what they require, the trainings that grant it, and organizers
qualifying volunteers by hand."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class SetPositions(Command):
    """`/phonebank positions 5 lead:1 driver:2`: the shift's seats become these positions'.

    Without positions (`/phonebank positions 5`) it shows them, with the buttons that require a
    qualification or make the shift a training.
    """

    shift: int
    positions: str = ""


@dataclass(frozen=True, slots=True)
class RequireQualification(Command):
    """`/phonebank require 5 lead "canvass lead"`: a seat in the position needs it."""

    shift: int
    position: str
    qualification: str


@dataclass(frozen=True, slots=True)
class GrantOnAttending(Command):
    """`/phonebank grants 4 "canvass lead"`: those who attend the shift earn it."""

    shift: int
    qualification: str


@dataclass(frozen=True, slots=True)
class Qualify(Command):
    who: str
    qualification: str


@dataclass(frozen=True, slots=True)
class Unqualify(Command):
    who: str
    qualification: str


@dataclass(frozen=True, slots=True)
class StartRequireForm(Command):
    """The Require a qualification button: ask for the position and qualification in a form."""

    shift: int


@dataclass(frozen=True, slots=True)
class StartGrantsForm(Command):
    """The Make it a training button: ask for the qualification it grants in a form."""

    shift: int
