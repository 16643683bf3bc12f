"""Spanish on Discord: a member whose Discord is set to Spanish (es-419, es-ES) is answered in
Spanish, and so are the reminders sent to them later; the commands' descriptions are offered
in Spanish too, while their names stay English."""

from datetime import timedelta
from typing import Any

from tests.adapters.discord import interactions as make
from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import APP_ID, GUILD_ID
from tests.adapters.discord.interactions import uid


def in_spanish(interaction: dict[str, Any], locale: str = "es-419") -> dict[str, Any]:
    """The interaction as Discord sends it from a client set to Spanish."""
    return {**interaction, "locale": locale}


async def test_a_member_whose_discord_is_in_spanish_is_answered_in_spanish(world: World) -> None:
    await world.create_shift("Saturday calls", seats=2)

    call = await world.interact(in_spanish(make.press("Maria", "turnout:join:1")))

    body = str(call.json)
    assert "¡Estás dentro! #1 “Saturday calls”" in body
    assert "You're in" not in body
    # Another member, whose Discord is in English, still reads English.
    english = await world.slash("Dev", "phonebank", "list")
    assert "seats left" in str(english.json)


async def test_the_reminder_goes_out_in_the_language_discord_named(world: World) -> None:
    await world.create_shift()
    await world.interact(in_spanish(make.press("Maria", "turnout:join:1"), "es-ES"))

    await world.advance(timedelta(days=25, hours=9))  # to the day-before reminder

    reminders = [c.content for c in world.fake.dms_to(uid("Maria")) if "⏰" in c.content]
    assert reminders[0].startswith("⏰ Recordatorio: “Saturday calls” (#1) empieza <t:")


async def test_a_choice_of_language_beats_discords(world: World) -> None:
    call = await world.interact(
        in_spanish(make.slash("Maria", "volunteer", "language", language="en"))
    )
    assert "OK, I'll write to you in English from now on." in str(call.json)
    listed = await world.interact(in_spanish(make.slash("Maria", "phonebank", "list")))
    assert "No shifts are scheduled yet" in str(listed.json)


async def test_commands_carry_spanish_descriptions_and_keep_english_names(world: World) -> None:
    (sync,) = world.fake.made("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    synced = {c["name"]: c for c in sync.json}
    phonebank = synced["phonebank"]
    assert phonebank["description_localizations"]["es-419"] == "Turnos de banco de llamadas"
    join = next(o for o in phonebank["options"] if o["name"] == "join")
    spanish = (
        "Tomar un lugar en un turno (o en la lista de espera si está lleno), en un puesto si los "
        "tiene"
    )
    assert join["description_localizations"] == {"es-ES": spanish, "es-419": spanish}
    shift, _position = join["options"]
    assert shift["description_localizations"]["es-ES"] == (
        "El número del turno; empieza a escribir su número o título"
    )
    create = next(o for o in phonebank["options"] if o["name"] == "create")
    assert create["description_localizations"]["es-419"].endswith("(equipo organizador)")
    assert not [n for c in sync.json for n in _named(c) if n], "names stay English"


async def test_the_kind_choices_carry_spanish_names_and_keep_their_ids(world: World) -> None:
    (sync,) = world.fake.made("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    shift = next(c for c in sync.json if c["name"] == "shift")
    create = next(o for o in shift["options"] if o["name"] == "create")
    listing = next(o for o in shift["options"] if o["name"] == "list")
    for verb in (create, listing):
        kinds = next(o for o in verb["options"] if o["name"] == "kind")["choices"]
        canvass = next(c for c in kinds if c["value"] == "canvass")
        texts = next(c for c in kinds if c["value"] == "textbank")
        assert canvass["name"] == "🚪 Canvass"
        assert canvass["name_localizations"] == {
            "es-ES": "🚪 Puerta a puerta",
            "es-419": "🚪 Puerta a puerta",
        }
        assert texts["name_localizations"]["es-419"] == "💬 Banco de mensajes"

    # Picked from the Spanish menu, the choice answers with its id.
    created = await world.interact(
        in_spanish(make.slash("Olivia", "shift", "create", kind="canvass"))
    )
    assert created.json["data"]["custom_id"] == "turnout:form:new_shift:canvass"


async def test_every_choice_offered_has_a_spanish_name_and_keeps_its_english_value(
    world: World,
) -> None:
    (sync,) = world.fake.made("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    offered = [choice for c in sync.json for choice in _choices(c)]

    assert offered, "the catalogue declares choices"
    unnamed = [c["value"] for c in offered if set(c.get("name_localizations") or ()) != SPANISH]
    assert not unnamed, unnamed
    turnout = next(c for c in sync.json if c["name"] == "turnout")
    export = next(o for o in turnout["options"] if o["name"] == "export")
    data = next(o for o in export["options"] if o["name"] == "data")
    signups = next(c for c in data["choices"] if c["value"] == "signups")
    assert signups["name"] == "signups", "the English name is the value, as typed"
    assert signups["name_localizations"] == {"es-ES": "inscripciones", "es-419": "inscripciones"}


SPANISH = {"es-ES", "es-419"}


def _choices(node: Any) -> list[dict[str, Any]]:
    """Every choice a synced command offers, however deep."""
    if isinstance(node, dict):
        own = list(node.get("choices") or ())
        return own + [c for k, v in node.items() if k != "choices" for c in _choices(v)]
    if isinstance(node, list):
        return [c for v in node for c in _choices(v)]
    return []


def _named(node: Any) -> list[Any]:
    """Every `name_localizations` in a synced command, however deep, but for the choices
    people pick from (a kind of shift), whose names are read and never typed."""
    if isinstance(node, dict):
        if "value" in node:
            return []
        own = [node["name_localizations"]] if "name_localizations" in node else []
        return own + [n for v in node.values() for n in _named(v)]
    if isinstance(node, list):
        return [n for v in node for n in _named(v)]
    return []
