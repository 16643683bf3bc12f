"""Positions inside a shift (lead, driver, canvasser), each with its own seats and waitlist,
and the qualifications some of them need.

A shift with positions has as many seats as its positions together; the seat invariant holds
per position (bot/signups/seats.py). A shift without positions works as it always has.
"""

import re
from dataclasses import dataclass

from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY
from bot.domain.text import N_

# Buttons for a join are one per position: a handful fits every platform's row of buttons.
MAX_POSITIONS = 10
MAX_POSITION_NAME = 40
MAX_QUALIFICATION = 60
# A name starts with a letter, so `/phonebank join 5 2` (the second position, as the console
# numbers them) never reads as a position called "2".
_NAME = re.compile(r"[^\W\d_][\w-]*")
_SEATS = re.compile(r"(?P<name>[^:\s]+):(?P<seats>\d{1,4})")


@dataclass(frozen=True, slots=True)
class Position:
    id: int
    shift_id: int
    name: str
    seats: int
    # The qualification a volunteer needs to take a seat in it, if any.
    requires: str | None = None
    # Its number in the shift's list, from 1: buttons carry it, and `join 5 2` types it.
    place: int = 0


@dataclass(frozen=True, slots=True)
class PositionSeats:
    """A position with how full it is, as join buttons and rosters show it."""

    position: Position
    taken: int
    waiting: int

    @property
    def seats_left(self) -> int:
        return max(0, self.position.seats - self.taken)


def parse_positions(words: list[str]) -> list[tuple[str, int]]:
    """`lead:1 driver:2` as [(name, seats), ...]; UserError naming what to type instead."""
    example = N_("Write each position as name:seats, like `lead:1 driver:2 canvasser:8`.")
    if not words:
        raise UserError(example)
    if len(words) > MAX_POSITIONS:
        raise UserError(N_("A shift has at most {most} positions."), most=MAX_POSITIONS)
    parsed: list[tuple[str, int]] = []
    for word in words:
        matched = _SEATS.fullmatch(word)
        if matched is None:
            raise UserError(example)
        name = check_position_name(matched["name"])
        seats = int(matched["seats"])
        if seats < 1:
            raise UserError(
                N_(
                    "{name}:{seats} gives it no seats; give each position 1 or more, "
                    "like `{name}:1`."
                ),
                name=name,
                seats=seats,
            )
        if any(name == earlier for earlier, _seats in parsed):
            raise UserError(N_("{name} is named twice; name each position once."), name=name)
        parsed.append((name, seats))
    total = sum(seats for _name, seats in parsed)
    if total > MAX_CAPACITY:
        raise UserError(
            N_("Those positions add up to {total} seats; a shift has at most {most}."),
            total=total,
            most=MAX_CAPACITY,
        )
    return parsed


def check_position_name(name: str) -> str:
    """A position's name, lower-cased: a word starting with a letter; else UserError."""
    if not _NAME.fullmatch(name) or len(name) > MAX_POSITION_NAME:
        raise UserError(
            N_("A position's name is one word starting with a letter, like `driver`."),
        )
    return name.lower()


def check_qualification(name: str) -> str:
    """A qualification's name, trimmed: some text, not too long; else UserError."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_QUALIFICATION or not name.isprintable():
        raise UserError(
            N_('Name the qualification in quotes, like "canvass lead" (up to {most} characters).'),
            most=MAX_QUALIFICATION,
        )
    return name.lower()


def find_position(positions: list[Position], named: str) -> Position | None:
    """The position `named` (its name, or its number in the shift's list as `2`)."""
    if named.isdecimal():
        index = int(named) - 1
        return positions[index] if 0 <= index < len(positions) else None
    wanted = named.lower()
    return next((p for p in positions if p.name == wanted), None)
