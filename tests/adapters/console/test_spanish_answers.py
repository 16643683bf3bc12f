"""The console's form answers in Spanish as in English, whatever the reader's language:
weekdays, sí/no, an option's own words, and omitir/saltar to leave an answer empty."""

import pytest

from adapters.console import answers
from adapters.console.answers import Refused
from bot.kernel.i18n import reading_in
from bot.ports.replies import ChoiceField, Option, TextField
from bot.series.forms import repeat_fields


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_console_takes_weekdays_typed_in_spanish_or_english_in_a_form(language: str) -> None:
    with reading_in(language):
        field = next(f for f in repeat_fields() if f.name == "weekdays")
        assert answers.read(field, "mar, jue") == ("tue", "thu")
        assert answers.read(field, "miércoles,sáb") == ("wed", "sat")
        assert answers.read(field, "Tuesday,5") == ("tue", "fri")
        assert isinstance(answers.read(field, "mar,feriado"), Refused)


def test_the_console_takes_si_and_no_and_an_options_own_words() -> None:
    field = ChoiceField("waitlist", "Open a waitlist?", (Option("yes", "Yes"), Option("no", "No")))
    assert [answers.read(field, w) for w in ("sí", "si", "yes", "no", "2")] == [
        "yes",
        "yes",
        "yes",
        "no",
        "no",
    ]
    sizes = ChoiceField("size", "Size", (Option("small", "Small room"), Option("big", "Big")))
    assert answers.read(sizes, "BIG") == "big"


@pytest.mark.parametrize("word", ["-", "", "omitir", "saltar", "skip", "Omitir"])
def test_the_console_skips_an_optional_answer_in_spanish_too(word: str) -> None:
    optional = TextField("link", "Link", required=False)
    assert answers.read(optional, word) == ""
    required = TextField("title", "Title")
    assert isinstance(answers.read(required, word), Refused)
