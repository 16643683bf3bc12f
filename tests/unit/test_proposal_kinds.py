"""`/shift propose <kind>`: a volunteer offers to host a shift of any kind; approving it makes a
shift of that kind, at the place the proposal named."""

from bot import catalogue
from bot.domain.kinds import CANVASS, TRAINING
from bot.hosting.commands import StartProposalForm
from bot.hosting.reading import propose_kind_options
from bot.ports.replies import ChoiceField, Form, Listing
from tests.conftest import Harness
from tests.fakes import ORGANIZERS
from tests.render import text_of

DOORS = '/shift propose canvass "Doors on Elm St" 2026-11-07 10:00 3h 8 "Cafe, 12 Elm St"'


async def test_a_proposed_canvass_is_approved_as_a_canvass_at_its_address(
    harness: Harness,
) -> None:
    assert "I've sent “Doors on Elm St”" in await harness.say("Maria", DOORS)
    [alert] = [
        s.reply for s in harness.messenger.sent if s.to == ORGANIZERS and "offers to host" in s.text
    ]
    assert "Maria (#1) offers to host 🚪 Canvass: “Doors on Elm St”" in text_of(alert)
    listed = await harness.reply("Olivia", "/phonebank proposals")
    assert isinstance(listed, Listing)
    assert "Proposal 1: 🚪 Canvass, Doors on Elm St" in text_of(listed)

    assert "Approved: #1 “Doors on Elm St”" in await harness.say("Olivia", "/shift approve 1")

    async with harness.storage.unit_of_work() as uow:
        shift = await uow.shifts.by_number(1, 1)
        assert shift is not None
        assert (shift.kind, shift.link, shift.host_id) == (CANVASS, "Cafe, 12 Elm St", 1)
    [told] = [t for t in harness.messenger.texts("maria") if "is approved" in t]
    assert "Your shift “Doors on Elm St”" in told and "`/shift join 1`" in told
    joined = await harness.say("Sam", "/shift join 1")
    assert "Wear good shoes and meet at Cafe, 12 Elm St" in joined


async def test_an_unknown_kind_or_a_place_the_kind_can_t_use_is_refused_and_nothing_is_sent(
    harness: Harness,
) -> None:
    refused = await harness.say(
        "Maria", '/shift propose rally "Rally" 2026-11-07 10:00 3h 8 "Town hall"'
    )
    assert refused.startswith("`rally` isn't a kind of shift; type one of `phonebank`")
    no_link = await harness.say(
        "Maria", '/shift propose textbank "Texts" 2026-11-07 10:00 2h 5 "Library, 123 Main St"'
    )
    assert "full web address" in no_link
    assert harness.messenger.texts(ORGANIZERS) == []
    assert "No proposals are waiting" in await harness.say("Olivia", "/phonebank proposals")


async def test_a_bare_shift_propose_asks_the_kind_and_the_form_proposes_that_kind(
    harness: Harness,
) -> None:
    form = await harness.reply("Maria", "/shift propose")
    assert isinstance(form, Form) and form.form_id == "propose"
    assert isinstance(form.fields[0], ChoiceField) and form.fields[0].name == "kind"
    chosen = await harness.reply("Maria", "/shift propose training")
    assert isinstance(chosen, Form) and chosen.form_id == "propose:training"
    await harness.submit(
        "Maria",
        "propose",
        kind="training",
        title="New volunteer training",
        day="2026-11-05",
        start="18:00",
        duration="1h",
        capacity="10",
        link="Library, 123 Main St",
    )

    await harness.say("Olivia", "/phonebank approve 1")

    async with harness.storage.unit_of_work() as uow:
        shift = await uow.shifts.by_number(1, 1)
        assert shift is not None and (shift.kind, shift.link) == (TRAINING, "Library, 123 Main St")


async def test_phonebank_propose_still_offers_a_phone_bank(harness: Harness) -> None:
    await harness.say("Maria", '/phonebank propose "Calls" 2026-11-07 18:00 2h 6')
    refused = await harness.say(
        "Maria", '/phonebank propose "Calls" 2026-11-07 18:00 2h 6 "Library, 123 Main St"'
    )
    assert "full web address" in refused
    await harness.say("Olivia", "/phonebank approve 1")
    async with harness.storage.unit_of_work() as uow:
        shift = await uow.shifts.by_number(1, 1)
        assert shift is not None and shift.kind.id == "phonebank"


async def test_a_menu_s_kind_alone_opens_that_kind_s_form_which_proposes_that_kind(
    harness: Harness,
) -> None:
    actor = harness.actor("Maria")
    bare = propose_kind_options(actor, {"kind": "canvass"})
    assert bare == StartProposalForm(actor, kind="canvass")
    [entry] = [e for e in catalogue.entries("shift") if e.verb == "propose"]
    form = await harness.bot.turnout.run_options(actor, entry, {"kind": "canvass"})
    assert isinstance(form, Form) and form.form_id == "propose:canvass"
    await harness.submit(
        "Maria",
        form.form_id,
        title="Doors",
        day="2026-11-07",
        start="10:00",
        duration="3h",
        capacity="8",
        link="Cafe, 12 Elm St",
    )
    async with harness.storage.unit_of_work() as uow:
        [pending] = await uow.proposals.pending(1)
        assert (pending.kind, pending.link) == ("canvass", "Cafe, 12 Elm St")
