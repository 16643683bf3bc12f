"""One cause, one log line per interval: the rest are counted and the count is said later."""

import logging

from bot.app.repeats import OneLine, Repeats


def record(message: str, *args: object, error: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(error), error, None) if error is not None else None
    return logging.LogRecord("turnout.x", logging.WARNING, __file__, 1, message, args, exc_info)


def test_a_repeated_warning_is_said_once_per_interval_with_how_many_were_held_back() -> None:
    now = [0.0]
    repeats = Repeats(every=60.0, now=lambda: now[0])

    passed = [repeats.filter(record("can't save notice %s", n)) for n in range(413)]
    now[0] = 61.0
    later = record("can't save notice %s", 414)

    assert passed.count(True) == 1
    assert repeats.filter(later)
    assert later.getMessage() == "can't save notice 414 (412 more like this since)"
    assert repeats.filter(record("another cause"))


def test_one_line_turns_a_traceback_into_its_exception_s_name_and_text() -> None:
    said = record("error handling request from %s", "10.0.0.1", error=ConnectionResetError("gone"))

    assert OneLine().filter(said)
    assert said.exc_info is None
    assert said.getMessage() == "error handling request from 10.0.0.1: ConnectionResetError: gone"
