"""The edges of a shift on Discord: the late cancellation post, Take the seat / Pass from a DM
(and typed, as join),
the confirmation check's Nudge them, the next-day Join, and `/volunteer history`."""

from datetime import timedelta

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import ORGANIZERS, buttons
from tests.adapters.discord.interactions import uid

SERVER = "@1300000000000000100"
# The world's clock starts Mon Nov 2, 14:00 UTC; "Tomorrow calls" starts Tue 23:00 UTC.
TO_TWO_HOURS_BEFORE = timedelta(hours=31)


async def one_seat_one_waiting(world: World) -> None:
    await world.create_shift("Tomorrow calls", seats=1, date="2026-11-03")
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.slash("Dev", "phonebank", "join", shift=1)
    await world.advance(TO_TWO_HOURS_BEFORE)


def posts(world: World, words: str) -> list:
    return [c for c in world.fake.messages_in(ORGANIZERS) if words in c.content]


async def test_a_late_leave_reaches_organizers_and_take_the_seat_confirms(world: World) -> None:
    await one_seat_one_waiting(world)
    await world.slash("Maria", "phonebank", "leave", shift=1)
    await world.deliver()
    (alert,) = posts(world, "Late cancellation")
    (offer,) = [c for c in world.fake.dms_to(uid("Dev")) if "A seat opened" in c.content]

    taken = await world.press("Dev", f"turnout:take:1{SERVER}", dm=True)

    assert "left #1 “Tomorrow calls”" in alert.content and "offered to Dev" in alert.content
    assert [b["label"] for b in buttons(offer.json)] == ["Take the seat", "Pass"]
    assert [b["custom_id"] for b in buttons(offer.json)] == [
        f"turnout:take:1{SERVER}", f"turnout:pass:1{SERVER}"
    ]
    assert taken.text.startswith("You're in! #1 “Tomorrow calls”")
    roster = await world.slash("Olivia", "phonebank", "roster", shift=1)
    assert "1 of 1 seats filled, 0 waiting" in roster.text


async def test_pass_from_the_dm_and_the_text_form_of_take(world: World) -> None:
    await one_seat_one_waiting(world)
    await world.slash("Jamal", "phonebank", "join", shift=1)
    await world.slash("Maria", "phonebank", "leave", shift=1)
    await world.deliver()

    passed = await world.press("Dev", f"turnout:pass:1{SERVER}", dm=True)
    await world.deliver()
    taken = await world.slash("Jamal", "phonebank", "join", shift=1)

    assert "goes to the next in line" in passed.text
    assert taken.text.startswith("You're in!")


async def test_nudge_them_on_the_confirmation_check(world: World) -> None:
    await world.create_shift("Tomorrow calls", seats=3, date="2026-11-03")
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(timedelta(hours=21))
    (check,) = posts(world, "Confirmation check")
    assert [b["label"] for b in buttons(check.json)] == ["Nudge them"]
    (nudge_id,) = [b["custom_id"] for b in buttons(check.json)]

    nudged = await world.press("Olivia", nudge_id)
    await world.deliver()
    again = await world.press("Olivia", nudge_id)
    refused = await world.press("Maria", nudge_id)

    assert "Not answered yet: Maria" in check.content
    assert nudged.text == "Nudged 1 volunteer on #1: Maria."
    (dm,) = [c for c in world.fake.dms_to(uid("Maria")) if "Are you still coming" in c.content]
    assert [b["label"] for b in buttons(dm.json)] == ["I'll be there", "Can't make it"]
    assert "already nudged" in again.text
    assert "Only organizers and the host" in refused.text


async def test_the_next_day_join_button_and_volunteer_history(world: World) -> None:
    await world.create_shift("Tomorrow calls", seats=3, date="2026-11-03")
    await world.create_shift("Later calls", seats=3, date="2026-11-10")
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(timedelta(days=3, hours=1))
    (missed,) = [c for c in world.fake.dms_to(uid("Maria")) if "We missed you" in c.content]
    assert [b["label"] for b in buttons(missed.json)] == ["Join #2"]

    joined = await world.press("Maria", f"turnout:join:2{SERVER}", dm=True)
    mine = await world.slash("Maria", "volunteer", "history")
    theirs = await world.slash("Olivia", "volunteer", "history", who="#2")

    assert joined.text.startswith("You're in!")
    assert mine.text.startswith("Your record: 2 shifts signed up, 0 attended, 1 no-show")
    assert "'s record: 2 shifts signed up, 0 attended, 1 no-show" in theirs.text
