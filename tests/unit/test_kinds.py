"""Kinds of shift: one declaration each; `/shift` is `/phonebank` derived for every kind;
typed kinds and places are read as each kind allows, and bad ones refused in one sentence."""

from datetime import date, time, timedelta

import pytest

from bot.catalogue import catalogue, parse
from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.domain.kinds import (
    BY_ID,
    CANVASS,
    KINDS,
    PHONE_BANK,
    TEXT_BANK,
    TRAINING,
    map_link,
    read_kind,
)
from bot.domain.matching import SERVED_BY, fits
from bot.domain.phonebank import check_where
from bot.domain.volunteer import Interest, Profile
from bot.kernel.commands import Actor
from bot.shifts.commands import CreateShift, StartShiftForm
from bot.shifts.new_shift import KIND_SHIFT, SHIFT, shift_form
from bot.signups import ListShifts

OLU = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)


def test_each_kind_is_one_declaration_with_its_own_id_name_and_emoji() -> None:
    assert [k.id for k in KINDS] == [
        "phonebank",
        "canvass",
        "textbank",
        "training",
        "meeting",
        "office",
    ]
    assert len(BY_ID) == len({k.emoji for k in KINDS}) == len(KINDS)
    # Phone banks, canvasses and text banks count two things; the rest ask attendance only.
    assert [k.id for k in KINDS if k.counts is not None] == ["phonebank", "canvass", "textbank"]
    assert CANVASS.counts is not None and CANVASS.counts.first == "Doors knocked"
    assert TEXT_BANK.counts is not None and TEXT_BANK.counts.first == "Texts sent"


def test_a_kind_is_read_by_its_id_or_a_usual_name_and_anything_else_lists_the_kinds() -> None:
    assert read_kind("Canvass") is CANVASS
    assert read_kind("text") is TEXT_BANK
    assert read_kind("phone-bank") is PHONE_BANK

    with pytest.raises(UserError) as refused:
        read_kind("rally")
    assert refused.value.message == (
        "`rally` isn't a kind of shift; type one of `phonebank`, `canvass`, `textbank`, "
        "`training`, `meeting`, `office`."
    )


def test_where_a_shift_happens_is_a_link_an_address_or_either_as_its_kind_says() -> None:
    assert check_where(PHONE_BANK, "https://dialer.example/a") == "https://dialer.example/a"
    with pytest.raises(UserError, match="full web address"):
        check_where(PHONE_BANK, "Library, 123 Main St")
    assert check_where(CANVASS, " Library, 123 Main St ") == "Library, 123 Main St"
    assert check_where(TRAINING, "https://meet.example/t") == "https://meet.example/t"
    assert check_where(TRAINING, "Union Hall, 5 Oak Ave") == "Union Hall, 5 Oak Ave"
    assert check_where(CANVASS, "") is None
    with pytest.raises(UserError):
        check_where(CANVASS, "Library\n@everyone")


def test_an_address_gets_an_openstreetmap_search_link() -> None:
    assert map_link("Library, 123 Main St") == (
        "https://www.openstreetmap.org/search?query=Library%2C+123+Main+St"
    )


def test_every_phonebank_verb_is_a_shift_verb_with_the_same_use_case() -> None:
    entries = catalogue().entries
    phonebank = {e.verb: e for e in entries if e.group == "phonebank"}
    shift = {e.verb: e for e in entries if e.group == "shift"}

    assert list(shift) == list(phonebank)
    for verb, entry in phonebank.items():
        assert shift[verb].handlers == entry.handlers, verb
        assert shift[verb].who is entry.who, verb
        assert shift[verb].usage.syntax.startswith("/shift "), verb
        assert shift[verb].menu is entry.menu, verb
    assert shift["create"].params[0].name == "kind"
    assert shift["help"].fixed == {"topic": "shift"}


def test_shift_create_reads_the_kind_first_and_where_it_happens_last() -> None:
    command = parse(
        OLU, '/shift create canvass "Saturday doors" 2027-03-06 10:00 3h 12 "Library, 123 Main St"'
    )

    assert command == CreateShift(
        OLU,
        title="Saturday doors",
        day=date(2027, 3, 6),
        start=time(10, 0),
        duration=timedelta(hours=3),
        capacity=12,
        link="Library, 123 Main St",
        kind="canvass",
    )
    assert parse(OLU, "/shift create") == StartShiftForm(OLU, kind=None)
    assert parse(OLU, "/shift create training") == StartShiftForm(OLU, kind="training")
    # `/phonebank create` makes phone banks, as it always has.
    assert parse(OLU, "/phonebank create") == StartShiftForm(OLU, kind="phonebank")


def test_an_unknown_kind_typed_to_create_is_refused_in_one_sentence() -> None:
    with pytest.raises(UserError, match="isn't a kind of shift"):
        parse(OLU, '/shift create rally "Big rally" 2027-03-06 10:00 3h 12')


def test_shift_list_takes_a_kind_and_a_page_in_that_order() -> None:
    assert parse(OLU, "/shift list") == ListShifts(OLU)
    assert parse(OLU, "/shift list 2") == ListShifts(OLU, page=2)
    assert parse(OLU, "/shift list canvass") == ListShifts(OLU, kind="canvass")
    assert parse(OLU, "/shift list text 3") == ListShifts(OLU, page=3, kind="textbank")
    with pytest.raises(UserError, match="isn't a kind of shift"):
        parse(OLU, "/shift list rallies")


def test_the_form_asks_the_kind_only_when_none_was_chosen() -> None:
    picker = shift_form(None)
    assert picker.form_id == SHIFT.form_id and picker.fields[0].name == "kind"
    chosen = shift_form(CANVASS)
    assert chosen.form_id == KIND_SHIFT.id_for("canvass")
    assert "kind" not in {f.name for f in chosen.fields}
    # The phone bank's form is the one it always was.
    assert shift_form().form_id == SHIFT.form_id
    assert "kind" not in {f.name for f in shift_form().fields}


def test_a_kind_chosen_in_the_form_is_read_as_typed_ones_are() -> None:
    answers: dict[str, str | tuple[str, ...]] = {
        "kind": "office",
        "title": "Envelopes",
        "day": "2027-03-06",
        "start": "10:00",
        "duration": "2h",
        "capacity": "4",
        "link": "Campaign HQ, 45 Elm St",
        "repeat": "",
    }

    command = SHIFT.read(OLU, "", answers)

    assert isinstance(command, CreateShift)
    assert (command.kind, command.link) == ("office", "Campaign HQ, 45 Elm St")
    with pytest.raises(UserError, match="isn't a kind of shift"):
        SHIFT.read(OLU, "", answers | {"kind": "rally"})


def test_the_welcome_s_interests_map_to_kinds_and_trainings_fit_anyone_who_told_us() -> None:
    canvasser = Profile((Interest.CANVASSING,), None, None)
    office = Profile((Interest.DATA_ENTRY, Interest.TEXTING), None, None)

    assert fits(canvasser, CANVASS) and fits(canvasser, TRAINING)
    assert not fits(canvasser, PHONE_BANK)
    assert {k.id for k in KINDS if fits(office, k)} == {"office", "textbank", "training"}
    # Nothing told: every kind fits.
    assert all(fits(None, k) for k in KINDS)
    assert all(fits(Profile((), None, None), k) for k in KINDS)
    # Every interest the welcome asks about is served by some kind.
    assert set(SERVED_BY) == set(Interest)
