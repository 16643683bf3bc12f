"""Counting phrases and lists read in the reader's language, whole, never glued from English."""

from bot.kernel import i18n
from bot.kernel.i18n import reading_in
from bot.kernel.wording import and_list, plural


def test_english_counts_and_lists_read_as_before() -> None:
    assert [plural(1, "seat"), plural(3, "seat"), plural(2, "person", "people")] == [
        "1 seat",
        "3 seats",
        "2 people",
    ]
    assert [and_list(["Sam"]), and_list(["Sam", "Ana"]), and_list(["Sam", "Ana", "Lee"])] == [
        "Sam",
        "Sam and Ana",
        "Sam, Ana and Lee",
    ]


def test_counts_and_lists_people_read_come_from_the_catalogue() -> None:
    with reading_in(i18n.PSEUDO):
        seats, people, listed = plural(3, "seat"), plural(1, "person"), and_list(["Sam", "Ana"])
    assert seats == "⟦3 seats⟧"
    assert people == "⟦1 person⟧"
    assert listed == "⟦Sam and Ana⟧"
