"""Interaction and gateway payloads for the people in the fake server, from the saved files."""

import itertools
from typing import Any

from tests.adapters.discord.fake_discord import GUILD_ID, dm_channel, moved, payload

ORGANIZER_ROLE = "1300000000000000300"
COORDINATOR_ROLE = "1300000000000000301"
EVENTS_ROLE = "1300000000000000302"
PLAIN = "2248473465835073"
MANAGE_EVENTS = str(int(PLAIN) | 1 << 33)


def user_id(n: int) -> str:
    return f"1300000000000000{n}"


# name → (user id, roles, channel permissions Discord computes for them)
PEOPLE: dict[str, tuple[str, list[str], str]] = {
    "Olivia": (user_id(401), [ORGANIZER_ROLE], PLAIN),
    "Maria": (user_id(402), [], PLAIN),
    "Dev": (user_id(403), [], PLAIN),
    "Sam": (user_id(404), [EVENTS_ROLE], MANAGE_EVENTS),
    "Jamal": (user_id(405), [], PLAIN),
    "Lee": (user_id(406), [COORDINATOR_ROLE], PLAIN),
}
OPTION_TYPES = {bool: 5, int: 4, str: 3}

_ids = itertools.count(1_310_000_000_000_100_000)


def uid(name: str) -> str:
    return PEOPLE[name][0]


def user(name: str) -> dict[str, Any]:
    return {
        "id": uid(name),
        "username": name.lower(),
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "public_flags": 0,
    }


def member(name: str) -> dict[str, Any]:
    _, roles, permissions = PEOPLE[name]
    base = payload("application_command")["member"]
    return {**base, "user": user(name), "roles": roles, "permissions": permissions}


def _fresh(template: str, who: str, *, dm: bool = False) -> dict[str, Any]:
    data = payload(template)
    number = next(_ids)
    data["id"] = str(number)
    data["token"] = f"interaction-token-{number}"
    if dm:
        for key in ("guild", "guild_id", "guild_locale", "member"):
            data.pop(key, None)
        data["user"] = user(who)
        data["channel_id"] = dm_channel(uid(who))
        data["channel"] = {
            "id": dm_channel(uid(who)),
            "type": 1,
            "last_message_id": None,
            "flags": 0,
            "recipients": [user(who)],
        }
        data["context"] = 1
    else:
        data["member"] = member(who)
    return data


def _options(options: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"name": name, "type": OPTION_TYPES[type(value)], "value": value}
        for name, value in options.items()
    ]


def slash(who: str, command: str, subcommand: str, /, **options: Any) -> dict[str, Any]:
    """An APPLICATION_COMMAND interaction: `/command subcommand option:value`."""
    data = _fresh("application_command", who)
    data["data"].update(
        name=command,
        options=[{"name": subcommand, "type": 1, "options": _options(options)}],
    )
    return data


def autocomplete(
    who: str, command: str, subcommand: str, option: str, typed: str, *, kind: int = 4
) -> dict[str, Any]:
    """An APPLICATION_COMMAND_AUTOCOMPLETE interaction while `who` types `typed` in `option`.

    Discord sends what is typed so far as a string, whatever the option's type (`kind`).
    """
    data = _fresh("autocomplete", who)
    options = [{"name": option, "type": kind, "value": typed, "focused": True}]
    data["data"].update(name=command, options=[{"name": subcommand, "type": 1, "options": options}])
    return data


def press(
    who: str, custom_id: str, *, on: list[dict[str, Any]] | None = None, dm: bool = False
) -> dict[str, Any]:
    """A MESSAGE_COMPONENT interaction: `who` clicks the button `custom_id`.

    `on`: the components of the message clicked (as the bot sent them); by default a message
    holding just that button.
    """
    data = _fresh("message_component_dm" if dm else "message_component", who, dm=dm)
    data["data"] = {"custom_id": custom_id, "component_type": 2}
    data["message"]["components"] = on or [
        {
            "type": 1,
            "components": [{"type": 2, "style": 1, "label": "Button", "custom_id": custom_id}],
        }
    ]
    if dm:
        data["message"]["channel_id"] = dm_channel(uid(who))
    return data


def submit(
    who: str, custom_id: str, values: dict[str, str | list[str]], *, dm: bool = False
) -> dict[str, Any]:
    """A MODAL_SUBMIT interaction: each answer in a Label, as Discord sends modals with them."""
    data = _fresh("modal_submit", who, dm=dm)
    components = []
    for index, (name, value) in enumerate(values.items()):
        inner: dict[str, Any] = {"id": 2 * index + 2, "custom_id": name}
        if isinstance(value, list):
            inner |= {"type": 3, "values": value}
        else:
            inner |= {"type": 4, "value": value}
        components.append({"type": 18, "id": 2 * index + 1, "component": inner})
    data["data"] = {"custom_id": custom_id, "components": components}
    return data


def member_add(name: str) -> dict[str, Any]:
    """GUILD_MEMBER_ADD for someone joining the server."""
    data = payload("guild_member_add")["d"]
    data["user"] = {**user(name), "bot": False}
    data["guild_id"] = GUILD_ID
    return data


def in_server(interaction: dict[str, Any], guild_id: str) -> dict[str, Any]:
    """The same interaction in another fake server (FakeDiscord.add_guild), in its own copy
    of the channel."""
    channel = moved(interaction["channel_id"], guild_id)
    interaction["guild_id"] = interaction["guild"]["id"] = guild_id
    interaction["channel_id"] = interaction["channel"]["id"] = channel
    interaction["channel"]["guild_id"] = guild_id
    return interaction
