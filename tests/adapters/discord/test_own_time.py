"""Everyone's own time on Discord: times are Discord timestamps in message bodies and embeds,
a countdown where one helps, and nobody can type a timestamp of their own."""

from datetime import timedelta

from tests.adapters.discord.conftest import World
from tests.adapters.discord.interactions import uid

# Sat Nov 28, 6:00 PM EST.
SATURDAY = "<t:1795906800:F>"


async def test_times_in_an_embed_are_discord_timestamps(world: World) -> None:
    await world.create_shift("Saturday calls", seats=12)

    call = await world.slash("Maria", "phonebank", "list")

    (embed,) = call.json["data"]["embeds"]
    (field,) = embed["fields"]
    assert field["value"] == f"{SATURDAY} · 2h · 12 of 12 seats left"


async def test_a_reminder_counts_down_with_a_relative_timestamp(world: World) -> None:
    await world.create_shift()
    await world.press("Maria", "turnout:join:1")

    await world.advance(timedelta(days=25, hours=9))  # to the day-before reminder

    reminders = [c.content for c in world.fake.dms_to(uid("Maria")) if "⏰" in c.content]
    assert reminders[0].startswith(
        f"⏰ Reminder: “Saturday calls” (#1) starts <t:1795906800:R>, at {SATURDAY}."
    )


async def test_a_timestamp_typed_into_a_title_shows_as_typed(world: World) -> None:
    await world.create_shift("Calls <t:0:F> \ufdd00:R\ufdd1soon\ufdd2 here", seats=3)

    call = await world.slash("Maria", "phonebank", "list")

    (embed,) = call.json["data"]["embeds"]
    (field,) = embed["fields"]
    # Escaped, Discord shows `<t:0:F>` as typed; the noncharacters never got in at all.
    assert field["name"] == "#1 Calls \\<t:0:F> 0:Rsoon here"
    assert field["value"].startswith(SATURDAY)
    assert "\ufdd0" not in str(call.json)
