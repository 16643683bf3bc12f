"""Spanish answers where a form or a command asks a word: weekdays, yes or no, skip; read for
everyone, whatever their language, beside the English ones."""

from datetime import time

import pytest

from bot.domain import answer_words
from bot.domain.errors import UserError
from bot.domain.stats import DigestSchedule, read_digest
from bot.series.recurrence import weekday_numbers

SPANISH_WEEK = [
    ("lunes", "lun", "Lun."),
    ("martes", "mar", "MAR"),
    ("miércoles", "miercoles", "mié", "mie"),
    ("jueves", "jue", "Jue"),
    ("viernes", "vie", "vie."),
    ("sábado", "sabado", "sáb", "sab"),
    ("domingo", "dom", "Domingo"),
]


@pytest.mark.parametrize(("number", "spellings"), list(enumerate(SPANISH_WEEK)))
def test_spanish_weekdays_with_or_without_accents_and_abbreviated(
    number: int, spellings: tuple[str, ...]
) -> None:
    assert {answer_words.weekday(word) for word in spellings} == {number}


def test_english_weekdays_still_read_and_other_words_are_no_weekday() -> None:
    english = ["mon", "Tuesday", "wed", "thurs", "fri", "SAT", "sunday"]
    assert [answer_words.weekday(word) for word in english] == list(range(7))
    assert [answer_words.weekday(w) for w in ("tu", "funday", "monkey", "", "ma")] == [None] * 5


def test_yes_no_and_skip_in_both_languages() -> None:
    assert [answer_words.yes_or_no(w) for w in ("sí", "Si", "yes", "no", "NO", "quizá")] == [
        True,
        True,
        True,
        False,
        False,
        None,
    ]
    assert [answer_words.skips(w) for w in ("omitir", "Saltar", "skip", "salta", "-")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_a_series_typed_on_spanish_weekdays() -> None:
    assert weekday_numbers("mar,jue") == weekday_numbers("tue,thu") == (1, 3)
    assert weekday_numbers("miércoles, sáb,dom") == (2, 5, 6)
    with pytest.raises(UserError):
        weekday_numbers("mar,jueves,feriado")


def test_the_digest_reads_a_spanish_weekday() -> None:
    assert read_digest("lunes 09:00") == read_digest("monday 09:00") == DigestSchedule(0, time(9))
    assert read_digest("sáb 8:30").weekday == 5
