"""`/volunteer home` on Discord: the Home sections as embeds, with their buttons."""

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons

SATURDAY = "<t:1795906800:F>"


async def test_volunteer_home_shows_each_section_as_an_embed_with_its_buttons(world: World) -> None:
    await world.create_shift("Saturday calls", seats=12)
    await world.slash("Olivia", "task", "post", title="Flyers")
    await world.press("Maria", "turnout:join:1")
    await world.press("Maria", "turnout:claim:1")

    call = await world.slash("Maria", "volunteer", "home")

    data = call.json["data"]
    assert data["content"].startswith("Your Turnout: ")
    titles = [embed["title"] for embed in data["embeds"]]
    assert titles == ["Your upcoming shifts", "Open shifts", "Your tasks", "Your settings"]
    [mine] = data["embeds"][0]["fields"]
    assert mine["name"] == "#1 Saturday calls" and mine["value"].startswith(SATURDAY)
    assert data["embeds"][1]["description"].startswith("No open shifts fit right now")
    assert [(b["label"], b["custom_id"]) for b in buttons(data)] == [
        ("Leave #1", "turnout:leave:1"),
        ("I'll be there #1", "turnout:confirm:1"),
        ("Mark done #1", "turnout:done:1"),
        ("Release #1", "turnout:release:1"),
        ("Change", "turnout:settings"),
        ("Edit", "turnout:profile"),
    ]


async def test_an_organizers_home_on_discord_has_newcomers_and_open_seats(world: World) -> None:
    await world.create_shift("Saturday calls", seats=12)

    call = await world.slash("Olivia", "volunteer", "home")

    titles = [embed["title"] for embed in call.json["data"]["embeds"]]
    assert titles[-2:] == ["Newcomers waiting for a contact", "Next shifts with open seats"]
    [shift] = call.json["data"]["embeds"][-1]["fields"]
    assert shift["value"] == f"{SATURDAY} · 2h · 12 of 12 seats left"


async def test_settings_from_home_open_a_modal_that_saves_the_zone(world: World) -> None:
    opened = await world.press("Maria", "turnout:settings")

    assert opened.json["type"] == 9
    assert opened.json["data"]["title"] == "Your settings"
    saved = await world.submit(
        "Maria", "turnout:form:settings", {"zone": "Europe/Berlin", "reminders": "default"}
    )

    assert "I'll show you times in Europe/Berlin" in saved.text
