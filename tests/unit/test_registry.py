"""Every feature's declarations, collected by the catalogue: each kind of notice, button verb and
form has exactly one declaration, and each leads to exactly one use case."""

import importlib
import pkgutil
from collections import Counter

import pytest

import bot
from bot.catalogue import FEATURES, catalogue
from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.kernel.commands import Actor, Command
from bot.kernel.feature import Feature
from bot.kernel.intake.buttons import Buttons, Numbered, Paired, Plain, Verb
from bot.kernel.intake.forms import FormReader, Forms
from bot.kernel.outbox.notices import NoticeBook
from bot.volunteers.commands import WelcomeVolunteer

OLU = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)
VERBS = [verb for feature in FEATURES for verb in feature.buttons]
READERS = [reader for feature in FEATURES for reader in feature.forms]
SPECS = [spec for feature in FEATURES for spec in feature.notices]
# Second numbers a paired button may carry: seats, a date, a time of day, minutes.
SECOND_NUMBERS = (6, 20270301, 1930, 90)


def pressed(verb: Verb) -> Command:
    """What pressing a button of `verb` builds (for a paired one, the first number it reads)."""
    if isinstance(verb, Plain):
        return buttons().command_for(OLU, verb.action())
    if isinstance(verb, Numbered):
        return buttons().command_for(OLU, verb.action(3))
    for second in SECOND_NUMBERS:
        try:
            return buttons().command_for(OLU, verb.action(3, second))
        except UserError:
            continue
    raise AssertionError(f"{verb.verb} read none of {SECOND_NUMBERS}")


def buttons() -> Buttons:
    return catalogue().buttons


# Notices


@pytest.mark.parametrize("kind", list(NoticeKind), ids=str)
def test_every_kind_of_notice_has_exactly_one_spec(kind: NoticeKind) -> None:
    assert [spec.kind for spec in SPECS].count(kind) == 1


def test_the_kinds_without_a_renderer_are_exactly_the_channel_posts() -> None:
    book = catalogue().notice_book()
    assert {spec.kind for spec in SPECS if spec.render is None} == book.posts.kinds


def test_each_spec_says_when_it_is_dropped_and_reports_name_what_a_volunteer_missed() -> None:
    assert all(spec.dropped for spec in SPECS)
    book = catalogue().notice_book()
    assert book.description(NoticeKind.SHIFT_REMINDER) == "a shift reminder"
    assert book.description(NoticeKind.WRAP_UP) == "a message"


def test_two_specs_for_one_kind_are_refused() -> None:
    twice = [*SPECS, SPECS[0]]
    with pytest.raises(ValueError, match="two specs"):
        NoticeBook(twice, catalogue().notice_book().posts)


# Buttons


def test_each_button_verb_is_declared_once() -> None:
    assert [v for v, n in Counter(verb.verb for verb in VERBS).items() if n > 1] == []
    assert set(buttons().verbs) == {verb.verb for verb in VERBS}


@pytest.mark.parametrize("verb", VERBS, ids=lambda verb: verb.verb)
def test_every_button_builds_its_command_which_has_one_use_case(verb: Verb) -> None:
    command = pressed(verb)

    assert type(command) is verb.builds
    assert verb.builds in catalogue().handlers


def test_two_buttons_with_one_verb_are_refused() -> None:
    with pytest.raises(ValueError, match="two buttons use the verb 'join'"):
        Buttons([*VERBS, Numbered("join", WelcomeVolunteer, "actor")])


def test_a_button_no_verb_reads_says_what_to_type_instead() -> None:
    for pressed_action in ("turnout:frob:3", "turnout:join", "turnout:join:x", "other:join:3"):
        with pytest.raises(UserError, match="type `/turnout help` instead"):
            buttons().command_for(OLU, pressed_action)
    # A paired button carrying a second number it can't read (a date that isn't one).
    paired = next(verb for verb in VERBS if isinstance(verb, Paired) and verb.verb == "newdate")
    with pytest.raises(UserError, match="older version"):
        buttons().command_for(OLU, paired.action(3, 99999999))


# Forms


def test_each_form_id_is_declared_once() -> None:
    ids = [reader.form_id for reader in READERS]
    assert len(ids) == len(set(ids))
    with pytest.raises(ValueError, match="two forms use the id"):
        Forms([*READERS, READERS[0]])


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.form_id)
def test_every_form_builds_a_command_with_one_use_case(reader: FormReader) -> None:
    assert reader.builds in catalogue().handlers


# Routes and features


def test_each_route_is_built_by_a_button_a_form_or_an_arrival() -> None:
    built = {verb.builds for verb in VERBS} | {r.builds for r in READERS} | {WelcomeVolunteer}
    routes = catalogue().routes
    assert routes and {route.builds for route in routes} <= built


def test_every_feature_package_is_in_the_catalogue() -> None:
    packages = [
        importlib.import_module(info.name)
        for info in pkgutil.iter_modules(bot.__path__, "bot.")
        if info.ispkg
    ]
    declared = [module.FEATURE for module in packages if hasattr(module, "FEATURE")]
    assert len(declared) >= 14
    assert all(isinstance(feature, Feature) for feature in declared)
    assert set(map(id, declared)) <= set(map(id, FEATURES))


def test_erasures_sweeps_and_steps_before_commit_are_collected_from_the_features() -> None:
    cat = catalogue()
    assert len(cat.sweeps) == sum(len(f.sweeps) for f in FEATURES) >= 4
    assert len(cat.before_commit) == sum(len(f.before_commit) for f in FEATURES) >= 1
    # Seats given up and tasks released; storage erases the rest by rules derived from the schema.
    assert sum(len(f.erase) for f in FEATURES) >= 2
