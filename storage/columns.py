"""Column types that turn domain values into portable SQL values and back.

They keep conversions out of the repositories: a repository binds a timedelta or an aware
datetime and reads the same thing back, on SQLite and on PostgreSQL alike.
"""

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, Dialect, Integer, Text
from sqlalchemy.types import TypeDecorator

_MINUTE = timedelta(minutes=1)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, always timezone-aware UTC in Python.

    PostgreSQL stores it as timestamptz. SQLite has no time zones, so it stores naive UTC in
    SQLAlchemy's fixed-width text format, which sorts and compares in time order. A naive
    datetime is refused rather than guessed at: it is always a bug upstream.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"refusing to store a naive datetime ({value!r}); use aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Minutes(TypeDecorator[timedelta]):
    """A span of whole minutes, stored as an integer."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: timedelta | None, dialect: Dialect) -> int | None:
        return None if value is None else _whole_minutes(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> timedelta | None:
        return None if value is None else value * _MINUTE


class MinutesList(TypeDecorator[tuple[timedelta, ...]]):
    """Reminder offsets as text like `1440,60`.

    NULL and the empty string mean different things (follow the campaign's default, or no
    reminders at all), so both survive the round trip: None ↔ NULL, () ↔ ''.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(
        self, value: tuple[timedelta, ...] | None, dialect: Dialect
    ) -> str | None:
        if value is None:
            return None
        return ",".join(str(_whole_minutes(offset)) for offset in value)

    def process_result_value(
        self, value: str | None, dialect: Dialect
    ) -> tuple[timedelta, ...] | None:
        if value is None:
            return None
        return tuple(int(part) * _MINUTE for part in value.split(",") if part)


class JsonText(TypeDecorator[Mapping[str, Any]]):
    """A JSON object kept as text: the same bytes on every database, and easy to read by eye."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Mapping[str, Any] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(dict(value), sort_keys=True)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Mapping[str, Any]:
        return {} if value is None else json.loads(value)


def _whole_minutes(span: timedelta) -> int:
    minutes, rest = divmod(span, _MINUTE)
    if rest:
        raise ValueError(f"{span} is not a whole number of minutes")
    return int(minutes)
