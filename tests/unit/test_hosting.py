"""Volunteer-hosted phone banks: propose, approve or decline, and a host's rights."""

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.campaign import Identity
from bot.domain.post import EDIT_DELAY
from bot.ports.replies import Form, Listing, Message
from tests.conftest import Harness
from tests.fakes import ORGANIZERS
from tests.render import text_of

PROPOSE = '/phonebank propose "Calls at Maria\'s" 2026-11-07 18:00 2h 6'


async def proposed(h: Harness) -> Message:
    assert "I've sent “Calls at Maria's”" in await h.say("Maria", PROPOSE)
    [alert] = [
        s.reply for s in h.messenger.sent if s.to == ORGANIZERS and "offers to host" in s.text
    ]
    assert isinstance(alert, Message)
    h.messenger.clear()
    return alert


async def test_a_proposal_reaches_the_organizers_and_approving_makes_the_proposer_its_host(
    harness: Harness,
) -> None:
    alert = await proposed(harness)
    assert (
        "Maria (#1) offers to host 📞 Phone bank: “Calls at Maria's”, Sat Nov 7, 6:00 PM EST"
        in text_of(alert)
    )
    assert [b.label for b in alert.buttons] == ["Approve", "Decline"]

    approved = await harness.press("Olivia", alert.buttons[0].action)

    assert "Approved: #1 “Calls at Maria's”" in approved and "hosted by Maria" in approved
    [told] = harness.messenger.texts("maria")
    assert "is approved: it's #1" in told
    await harness.say("Sam", "/phonebank join 1")
    assert "1. Sam" in await harness.say("Maria", "/phonebank roster 1")
    assert "Sending your message" in await harness.say("Maria", "/phonebank announce 1 Hi all")
    assert "already approved" in await harness.press("Olivia", alert.buttons[0].action)


async def test_a_host_is_refused_on_other_shifts_and_organizer_commands(harness: Harness) -> None:
    alert = await proposed(harness)
    await harness.press("Olivia", alert.buttons[0].action)
    await harness.say("Olivia", '/phonebank create "Other" 2026-11-08 18:00 2h 5')

    assert "Only organizers and the host of #2" in await harness.say("Maria", "/phonebank roster 2")
    assert "Only organizers can edit" in await harness.say("Maria", "/phonebank edit 1 seats 9")
    assert "Only organizers and the host of #2" in await harness.say(
        "Sam", "/phonebank announce 2 hello"
    )


async def test_declining_asks_why_and_the_proposer_hears_the_reason(harness: Harness) -> None:
    alert = await proposed(harness)

    form = await harness.bot.turnout.press(harness.actor("Olivia"), alert.buttons[1].action)
    assert isinstance(form, Form) and form.form_id == "decline:1"
    reply = await harness.submit("Olivia", "decline:1", reason="We have one that night.")

    assert isinstance(reply, Message)
    assert "Declined “Calls at Maria's”" in reply.text
    [told] = harness.messenger.texts("maria")
    assert "won't run your phone bank" in told and "We have one that night." in told
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/phonebank list")


async def test_organizers_set_a_host_on_any_shift(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Other" 2026-11-08 18:00 2h 5')
    await harness.arrive("Maria")

    harness.messenger.clear()
    assert "Maria now hosts #1" in await harness.say("Olivia", "/phonebank host 1 Maria")
    [told] = harness.messenger.texts("maria")
    assert "Olivia made you the host of “Other” (#1), Sun Nov 8, 6:00 PM EST" in told
    assert "`/phonebank roster 1`" in told and "`/phonebank announce 1 See you there!`" in told
    assert "Only organizers can set" in await harness.say("Maria", "/phonebank host 1 Maria")
    assert "Nobody has signed up yet" in await harness.say("Maria", "/phonebank roster 1")


async def test_a_bad_proposal_gets_one_sentence_and_reaches_nobody(harness: Harness) -> None:
    reply = await harness.say("Maria", '/phonebank propose "Calls" 2026-11-01 18:00 2h 6')
    assert "is in the past; pick a future date" in reply
    assert not any("offers to host" in t for t in harness.messenger.texts(ORGANIZERS))


async def test_a_bare_propose_opens_the_form_and_forget_me_erases_the_proposal(
    harness: Harness,
) -> None:
    form = await harness.reply("Maria", "/phonebank propose")
    assert isinstance(form, Form) and form.form_id == "propose"
    await harness.submit(
        "Maria",
        "propose",
        title="Calls",
        day="2026-11-07",
        start="18:00",
        duration="2h",
        capacity="4",
        link="",
    )

    await harness.press("Maria", "turnout:forget")

    async with harness.storage.unit_of_work() as uow:
        assert await uow.proposals.get(1) is None


async def test_approve_and_decline_can_be_typed_by_proposal_number(harness: Harness) -> None:
    alert = await proposed(harness)
    assert "`/phonebank approve 1`" in alert.text
    await harness.say("Maria", '/phonebank propose "Second" 2026-11-09 18:00 2h 3')

    assert "Approved: #1" in await harness.say("Olivia", "/phonebank approve 1")
    assert "Declined “Second”" in await harness.say("Olivia", "/phonebank decline 2 Too soon")
    assert "Only organizers can approve" in await harness.say("Maria", "/phonebank approve 2")
    assert any("Too soon" in t for t in harness.messenger.texts("maria"))


async def test_a_host_takes_attendance_and_reads_the_report_of_their_own_shift_only(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Other" 2026-11-08 18:00 2h 5')
    await harness.say("Olivia", '/phonebank create "Third" 2026-11-09 18:00 2h 5')
    await harness.say("Sam", "/phonebank join 1")
    await harness.arrive("Maria")
    assert "Maria now hosts #1" in await harness.say("Olivia", "/phonebank host 1 Maria")

    assert "Attendance for #1" in await harness.say("Maria", "/phonebank attendance 1")
    assert "Wrap-up for #1" in await harness.say("Maria", "/phonebank report 1")
    assert "Only organizers and the host of #2 can see its attendance" in await harness.say(
        "Maria", "/phonebank attendance 2"
    )
    assert "Only organizers and the host of #2 can see its report" in await harness.say(
        "Maria", "/phonebank report 2"
    )


async def test_a_new_host_of_a_shift_cancelled_before_the_dm_goes_out_hears_nothing(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Other" 2026-11-08 18:00 2h 5')
    await harness.arrive("Maria")
    harness.messenger.clear()
    # Queued, but not yet sent when the shift is called off.
    await harness.reply("Olivia", "/phonebank host 1 Maria")
    await harness.reply("Olivia", "/phonebank cancel 1")
    await harness.deliver()

    assert harness.messenger.texts("maria") == []


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/phonebank host 1 Nobody", "I don't know a volunteer called “Nobody”"),
        ("/phonebank host 1 Sam", "Which one? Several volunteers are called “Sam”"),
        ("/phonebank host 2 Maria", "#2 is cancelled, so it needs no host"),
        ("/phonebank host 9 Maria", "There's no shift #9"),
        ("/phonebank host 1", "I'm missing who"),
    ],
)
async def test_a_bad_host_gets_one_sentence_and_changes_nothing(
    harness: Harness, line: str, says: str
) -> None:
    await harness.say("Olivia", '/phonebank create "Other" 2026-11-08 18:00 2h 5')
    await harness.say("Olivia", '/phonebank create "Called off" 2026-11-09 18:00 2h 5')
    await harness.say("Olivia", "/phonebank cancel 2")
    for name in ("Maria", "Sam"):
        await harness.arrive(name)
    other_sam = replace(harness.actor("Sam"), identity=Identity("test", "T-test", "sam2"))
    await harness.bot.turnout.welcome(other_sam)
    await harness.deliver()
    harness.messenger.clear()

    assert says in await harness.say("Olivia", line)

    assert harness.messenger.sent == []
    assert "Only organizers and the host of #1" in await harness.say("Maria", "/phonebank roster 1")


async def test_a_host_is_never_offered_to_join_their_own_shift_and_gets_its_roster(
    harness: Harness,
) -> None:
    alert = await proposed(harness)
    await harness.press("Olivia", alert.buttons[0].action)
    await harness.say("Olivia", '/phonebank create "Other" 2026-11-08 18:00 2h 5')
    await harness.say("Sam", "/phonebank join 1")

    listed = await harness.reply("Maria", "/phonebank list")
    joined = await harness.say("Maria", "/phonebank join 1")

    assert isinstance(listed, Listing)
    own, other = listed.items
    assert "you host it" in own.detail and "you host it" not in other.detail
    assert [b.label for b in own.buttons] == ["Roster"]
    assert [b.label for b in other.buttons] == ["Join"]
    assert own.button is not None
    assert "1. Sam" in await harness.press("Maria", own.button.action)
    assert "You host #1, so you needn't take a seat on it" in joined


async def test_an_approved_phone_bank_is_posted_like_a_created_shift(harness: Harness) -> None:
    harness.channel = "general"
    await harness.say("Olivia", "/phonebank post board")
    alert = await proposed(harness)

    approved = await harness.press("Olivia", alert.buttons[0].action)
    await harness.advance(EDIT_DELAY)

    assert "I'm posting it here" in approved
    [post] = harness.messenger.texts("#general")
    assert "#1 “Calls at Maria's”" in post and "6 of 6 left" in post
    assert "#1 Calls at Maria's" in harness.messenger.edited("1")[-1]


async def test_approving_where_nothing_can_be_posted_answers_for_everyone_with_join(
    harness: Harness,
) -> None:
    alert = await proposed(harness)

    approved = await harness.bot.turnout.press(harness.actor("Olivia"), alert.buttons[0].action)

    assert isinstance(approved, Message) and approved.public
    assert "Volunteers can join with `/phonebank join 1`" in approved.text
    assert [b.label for b in approved.buttons] == ["Join"]


async def test_organizers_list_the_proposals_waiting_and_answer_them_from_the_list(
    harness: Harness,
) -> None:
    assert "No proposals are waiting" in await harness.say("Olivia", "/phonebank proposals")
    await proposed(harness)
    await harness.say("Sam", '/phonebank propose "Sam\'s calls" 2026-11-09 18:00 90m 4')
    await harness.say("Ana", '/phonebank propose "Ana\'s calls" 2026-11-10 18:00 2h 3')
    await harness.say("Olivia", "/phonebank decline 3 Not that week")

    listed = await harness.reply("Olivia", "/phonebank proposals")

    assert isinstance(listed, Listing)
    assert text_of(listed).splitlines()[:5] == [
        "Proposed shifts waiting for an answer",
        "Proposal 1: 📞 Phone bank, Calls at Maria's",
        "from Maria (#1), Sat Nov 7, 6:00 PM EST for 2h, 6 seats",
        "Proposal 2: 📞 Phone bank, Sam's calls",
        "from Sam (#2), Mon Nov 9, 6:00 PM EST for 1h30m, 4 seats",
    ]
    assert [b.label for item in listed.items for b in item.buttons] == ["Approve", "Decline"] * 2
    assert "Approved: #1 “Sam's calls”" in await harness.press(
        "Olivia", listed.items[1].buttons[0].action
    )
    form = await harness.bot.turnout.press(
        harness.actor("Olivia"), listed.items[0].buttons[1].action
    )
    assert isinstance(form, Form) and form.form_id == "decline:1"
    assert "Only organizers can see proposed phone banks" in await harness.say(
        "Maria", "/phonebank proposals"
    )
    assert "Calls at Maria's" in await harness.say("Olivia", "/phonebank proposals")
    assert "Sam's calls" not in await harness.say("Olivia", "/phonebank proposals")


async def test_a_proposal_whose_time_passed_can_only_be_declined(harness: Harness) -> None:
    await proposed(harness)
    await harness.advance(timedelta(days=6))

    listed = await harness.reply("Olivia", "/phonebank proposals")

    assert isinstance(listed, Listing)
    [item] = listed.items
    assert "(its time has passed)" in item.detail
    assert [b.label for b in item.buttons] == ["Decline"]
