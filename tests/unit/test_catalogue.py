"""The command catalogue: each entry parses, has help and a handler; each use case is reachable."""

import dataclasses
import importlib
import inspect
import pkgutil
import typing

import pytest

import bot
from bot import catalogue
from bot.catalogue import FEATURES, GROUPS, Catalogue, help_text, parse
from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.editing.commands import EditShift
from bot.kernel.commands import Actor, Command
from bot.kernel.feature import Feature
from bot.kernel.intake import parsing
from bot.kernel.intake.entry import Entry, Kind, Who
from bot.kernel.intake.typed_values import Usage
from bot.live_posts.commands import PostShift
from bot.series.commands import RepeatShift
from bot.shifts import phonebanks
from bot.shifts.commands import CreateShift, MyShifts
from bot.shifts.new_shift import shift_form
from bot.tasks.commands import EditTask, PostTask
from bot.tasks.new_task import task_form
from tests.conftest import Harness
from tests.fakes import FROZEN_AT

OLU = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)
CATALOGUE = catalogue.catalogue()
ENTRIES = CATALOGUE.entries
HANDLERS = CATALOGUE.handlers
NAMES = [f"/{entry.group} {entry.verb}" for entry in ENTRIES]


def use_cases() -> list[typing.Callable[..., typing.Any]]:
    """Every `async def x(cmd: SomeCommand, ctx: Context) -> Reply` in the feature packages."""
    found = []
    for info in pkgutil.walk_packages(bot.__path__, "bot."):
        module = importlib.import_module(info.name)
        for _, function in inspect.getmembers(module, inspect.iscoroutinefunction):
            if function.__module__ != module.__name__ or function.__name__.startswith("_"):
                continue
            hints = typing.get_type_hints(function)
            first = next(iter(inspect.signature(function).parameters), None)
            command = hints.get(first) if first else None
            if isinstance(command, type) and issubclass(command, Command):
                found.append(function)
    return found


@pytest.mark.parametrize("entry", ENTRIES, ids=NAMES)
def test_every_entry_s_example_parses_into_a_command_the_entry_builds(entry: Entry) -> None:
    command = parse(OLU, entry.usage.example_on(FROZEN_AT.date()))

    assert type(command) in entry.handlers
    assert entry.usage.syntax.startswith(f"/{entry.group} {entry.verb}")


@pytest.mark.parametrize("entry", ENTRIES, ids=NAMES)
def test_every_entry_has_a_line_of_help_shown_to_whoever_may_run_it(entry: Entry) -> None:
    line = f"{entry.usage.syntax} — {entry.usage.summary}"

    assert line in help_text(entry.group, organizer=True).splitlines()
    shown_to_volunteers = line in help_text(entry.group, organizer=False).splitlines()
    shown_to_hosts = line in help_text(entry.group, organizer=False, host=True).splitlines()
    assert shown_to_volunteers is (entry.who is Who.EVERYONE)
    assert shown_to_hosts is (entry.who is not Who.ORGANIZER)


@pytest.mark.parametrize("entry", ENTRIES, ids=NAMES)
async def test_who_may_run_an_entry_is_what_its_use_case_enforces(
    entry: Entry, harness: Harness
) -> None:
    """A volunteer running the example is refused exactly when the entry is for organizers."""
    reply = await harness.say("Maria", entry.usage.example_on(harness.clock.now().date()))

    assert ("Only organizers can" in reply) is entry.organizer, reply


LOOKS = [entry for entry in ENTRIES if not entry.makes_volunteers]


@pytest.mark.parametrize("entry", LOOKS, ids=[f"/{e.group} {e.verb}" for e in LOOKS])
async def test_only_looking_by_someone_turnout_does_not_know_works_and_registers_no_one(
    entry: Entry, harness: Harness
) -> None:
    from sqlalchemy import func, select

    from storage.tables import notices, volunteers

    async def counts() -> tuple[int | None, int | None]:
        async with harness.storage.unit_of_work() as uow:
            return (
                await uow.connection.scalar(select(func.count()).select_from(volunteers)),
                await uow.connection.scalar(select(func.count()).select_from(notices)),
            )

    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3')
    harness.messenger.clear()
    before = await counts()

    reply = await harness.say("Zoe", entry.usage.example_on(harness.clock.now().date()))

    assert "Something went wrong" not in reply, reply
    assert await counts() == before, "Zoe is no volunteer and nobody is told of her"
    assert harness.messenger.sent == []


@pytest.mark.parametrize("entry", ENTRIES, ids=NAMES)
def test_every_command_an_entry_builds_has_its_handler(entry: Entry) -> None:
    for command, handler in entry.handlers.items():
        assert HANDLERS[command] is handler


def test_every_use_case_is_reachable_from_an_entry_or_a_listed_route() -> None:
    reachable = {*HANDLERS.values(), *CATALOGUE.preparers().values()}
    found = use_cases()

    assert len(found) >= 27
    assert [f.__name__ for f in found if f not in reachable] == []


def test_groups_and_entries_agree() -> None:
    assert [g.name for g in GROUPS] == list(catalogue.TOPICS)
    assert {entry.group for entry in ENTRIES} == set(catalogue.TOPICS)
    for group in GROUPS:
        verbs = [entry.verb for entry in catalogue.entries(group.name)]
        assert len(verbs) == len(set(verbs)), group.name
        assert verbs[-1] == "help" and group.alone in verbs
    # Entries are listed group by group, so help and menus list them in one order.
    assert [e.group for e in ENTRIES] == [g.name for g in GROUPS for _ in catalogue.entries(g.name)]


def test_a_bare_command_means_the_entry_its_group_names() -> None:
    assert parse(OLU, "/phonebank") == parse(OLU, "/phonebank list")
    assert parse(OLU, "/task") == parse(OLU, "/task list")
    assert parse(OLU, "/volunteer") == parse(OLU, "/volunteer help")
    assert parse(OLU, "/turnout") == parse(OLU, "/turnout help")


def test_each_parameter_names_a_field_of_the_command_or_form_it_fills() -> None:
    form_fields = {
        # `/shift create` asks the kind too: the form opened without one has the picker.
        CreateShift: {f.name for f in shift_form(None).fields},
        PostTask: {f.name for f in task_form().fields},
        # `/phonebank edit` names one field and its value, read by bot/editing/typed_edits.py.
        EditShift: {"shift", "field", "value", "confirm"},
        # `/task edit` too, read by bot/tasks/edit_task.py.
        EditTask: {"task", "field", "value"},
        # `/phonebank repeat` reads how it repeats as one line (bot/series/reading.py).
        RepeatShift: {"shift", "how"},
        # `/phonebank post board` builds PostBoard instead (bot/live_posts/entries.py).
        PostShift: {"shift", "board"},
    }
    for entry in ENTRIES:
        fields = form_fields.get(entry.builds) or {f.name for f in dataclasses.fields(entry.builds)}
        assert {p.target for p in entry.params} <= fields, entry.verb
        assert set(entry.fixed) <= fields, entry.verb


def test_two_handlers_for_one_command_are_refused() -> None:
    twin = dataclasses.replace(ENTRIES[0], verb="again", handler=phonebanks.my_shifts)

    with pytest.raises(ValueError, match="ListShifts has two handlers"):
        Catalogue((*FEATURES, Feature("twin", entries=(twin,))))


def test_a_subcommand_the_catalogue_lacks_is_none_not_a_guess() -> None:
    assert catalogue.find("phonebank", "frob") is None
    assert catalogue.find("parking", "list") is None


def test_a_new_entry_is_parsed_helped_and_handled_with_nothing_else_edited() -> None:
    probe = Entry(
        "phonebank",
        "probe",
        Usage("/phonebank probe", "/phonebank probe", "check that Turnout answers"),
        MyShifts,
        phonebanks.my_shifts,
    )
    probing = Catalogue((*FEATURES, Feature("probe", entries=(probe,))))

    assert probing.grammar.parse(OLU, "/phonebank probe") == MyShifts(OLU)
    helped = probing.help_text("phonebank", organizer=False)
    assert "/phonebank probe — check that Turnout answers" in helped
    commands = [line for line in helped.splitlines() if line.startswith("/")]
    assert commands[-1].startswith("/phonebank help"), "help stays last"
    with pytest.raises(UserError, match="or `probe` — or"):
        probing.grammar.parse(OLU, "/phonebank frob")


# Text and menu options are read by the same readers


@pytest.mark.parametrize(
    ("line", "verb", "options"),
    [
        ("/phonebank announce 3 " + "x" * 1501, "announce", {"shift": 3, "message": "x" * 1501}),
        ("/phonebank announce 3 hi @here", "announce", {"shift": 3, "message": "hi @here"}),
        ("/volunteer contacted " + "x" * 101, "contacted", {"who": "x" * 101}),
        ("/volunteer tz Chicago", "tz", {"zone": "Chicago"}),
        ("/volunteer reminders 1m", "reminders", {"times": "1m"}),
        ("/turnout reminders 1m,2h", "reminders", {"times": "1m,2h"}),
    ],
)
def test_text_and_menu_options_are_refused_with_the_same_sentence(
    line: str, verb: str, options: dict[str, str | int]
) -> None:
    group = line.split()[0].removeprefix("/")
    entry = catalogue.find(group, verb)
    assert entry is not None
    with pytest.raises(UserError) as typed_error:
        parse(OLU, line)
    with pytest.raises(UserError) as option_error:
        parsing.read_options(entry, OLU, options)
    assert option_error.value.message == typed_error.value.message


@pytest.mark.parametrize(
    ("line", "options"),
    [
        ("/phonebank list 2", {"page": 2}),
        ("/phonebank join 3", {"shift": 3}),
        ("/phonebank announce 3 Parking is behind.", {"shift": 3, "message": "Parking is behind."}),
        (
            "/phonebank announce 3 waitlist Parking is behind.",
            {"shift": 3, "message": "Parking is behind.", "waitlist": True},
        ),
        (
            "/phonebank add 3 Maria Lopez over confirm",
            {"shift": 3, "who": "Maria Lopez", "over": True, "confirm": True},
        ),
        ("/volunteer tz america/new york", {"zone": "america/new york"}),
        ("/volunteer reminders default", {"times": "default"}),
        ("/volunteer forget-me confirm", {"confirm": True}),
        ("/volunteer forget-me", {"confirm": False}),
        ("/volunteer contacted #12", {"who": "#12"}),
        ("/turnout reminders default", {"times": "default"}),
        ("/turnout help task", {"topic": "task"}),
        ("/turnout help", {"topic": None}),
        ('/task post "Drop off flyers"', {"title": "Drop off flyers"}),
        ("/task post", {}),
        ("/phonebank create", {}),
        (
            '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12',
            {
                "title": "Saturday calls",
                "date": "2026-11-28",
                "start": "18:00",
                "length": "2h",
                "seats": 12,
            },
        ),
    ],
)
def test_text_and_menu_options_build_the_same_command(
    line: str, options: dict[str, str | int | bool | None]
) -> None:
    group, verb = line.split()[0].removeprefix("/"), line.split()[1]
    entry = catalogue.find(group, verb)
    assert entry is not None

    assert parsing.read_options(entry, OLU, options) == parse(OLU, line)


def test_parameters_of_each_kind_carry_what_their_menus_need() -> None:
    for entry in ENTRIES:
        for param in entry.params:
            assert param.about and len(param.about) <= 100, param.name
            if param.kind is Kind.TEXT and entry.text is None:
                assert param.read is not None, f"{entry.verb} {param.name}"
            if param.kind is Kind.TOPIC:
                assert param.choices
