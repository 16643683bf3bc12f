"""Buttons and modals whose IDs carry what they act on, so they work after a restart.

A button's custom_id is the core's action (`turnout:join:3`); in a DM, where Discord says
nothing about the server, the server's ID rides along after an `@` (`turnout:join:3@1234`).
Presses and modal submissions are read from the raw interaction (`pressed`, `form_target`,
`answers`) by the client, which hands them to the desk: nothing is held in memory per message,
and this module knows nothing of who answers them.
"""

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import discord

from bot.kernel import timefmt
from bot.ports.replies import (
    Button,
    ButtonStyle,
    ChoiceField,
    DateField,
    Field,
    Form,
    NumberField,
    TextField,
    TimeField,
)

# Up to two numbers: `turnout:join:3`, `turnout:seats:3:6`; a verb may have dashes
# (`turnout:keep-links`, `turnout:erase-team:4`).
_ACTION_ID = re.compile(
    r"(?P<action>turnout:[a-z]+(?:-[a-z]+)*(?::[0-9]{1,9}){0,2})(?:@(?P<guild>[0-9]{1,20}))?"
)
FORM_PREFIX = "turnout:form:"
# A form about one thing names it: a number (`turnout:form:edit_shift:3`) or a kind of shift
# (`turnout:form:new_shift:canvass`).
_FORM_ID = re.compile(
    r"turnout:form:(?P<form>[a-z_-]{1,40}(?::[0-9a-z]{1,9})?)(?:@(?P<guild>[0-9]{1,20}))?"
)
# Discord's limits for modals.
MAX_ROWS = 5
_LABEL = 45
# A multiple-choice select is named `interests[]`, so its answer stays a tuple after a restart.
_MANY = "[]"
# A date and a start time asked in one box when a form has more questions than a modal rows.
_JOINED = "|"

_STYLES = {
    ButtonStyle.PRIMARY: discord.ButtonStyle.primary,
    ButtonStyle.DANGER: discord.ButtonStyle.danger,
    ButtonStyle.DEFAULT: discord.ButtonStyle.secondary,
}


def suffixed(custom_id: str, guild_id: int | None) -> str:
    return custom_id if guild_id is None else f"{custom_id}@{guild_id}"


def action_button(
    button: Button, *, label: str | None = None, guild_id: int | None
) -> discord.ui.Button[Any]:
    """A core Button as a Discord button whose custom_id is its action (and DM server); a
    link button opens its address instead and has no custom_id."""
    if button.url:
        return discord.ui.Button(
            label=(label or button.label)[:80], style=discord.ButtonStyle.link, url=button.url
        )
    return discord.ui.Button(
        # Buttons and modal titles show no formatting: any time reads as the core's words.
        label=timefmt.plain(label or button.label)[:80],
        style=_STYLES[button.style],
        custom_id=suffixed(button.action, guild_id),
    )


def pressed(custom_id: str) -> tuple[str, int | None] | None:
    """The action and DM server of a pressed button's custom_id; None if it isn't one of ours."""
    match = _ACTION_ID.fullmatch(custom_id)
    if match is None:
        return None
    return match["action"], int(match["guild"]) if match["guild"] else None


class FormModal(discord.ui.Modal):
    """A core Form as a modal. Answers are read by `answers` from the submission itself."""

    def __init__(self, form: Form, *, guild_id: int | None) -> None:
        super().__init__(
            title=timefmt.plain(form.title)[:_LABEL],
            custom_id=suffixed(FORM_PREFIX + form.form_id, guild_id),
        )
        fields = form.fields
        if form.extras_from is not None and _rows(fields) > MAX_ROWS:
            # No room: the core asks the extras after the submit (a Repeat… button).
            fields = fields[: form.extras_from]
        index = 0
        while index < len(fields):
            field, after = fields[index], fields[index + 1 : index + 2]
            too_many = len(self.children) + len(fields) - index > MAX_ROWS
            if (
                too_many
                and isinstance(field, DateField)
                and after
                and isinstance(after[0], TimeField)
            ):
                # Modals hold five questions; a date and its time share one box, split on submit.
                self.add_item(_date_and_time(field, after[0]))
                index += 2
            else:
                self.add_item(_question(field))
                index += 1


def _rows(fields: Sequence[Field]) -> int:
    """Rows the fields need at the least: a date and its time can share one."""
    pairs = sum(isinstance(a, DateField) and isinstance(b, TimeField) for a, b in pairwise(fields))
    return len(fields) - min(pairs, 1)


def _date_and_time(day: DateField, start: TimeField) -> discord.ui.Label[Any]:
    default = f"{day.initial} {start.initial}" if day.initial and start.initial else None
    return discord.ui.Label(
        text="Date and start time",
        description=f"{start.label}, as YYYY-MM-DD HH:MM"[:100],
        component=discord.ui.TextInput(
            custom_id=f"{day.name}{_JOINED}{start.name}",
            placeholder="YYYY-MM-DD HH:MM",
            default=default,
            max_length=30,
            required=day.required or start.required,
        ),
    )


def _question(field: Field) -> discord.ui.Label[Any]:
    if isinstance(field, ChoiceField):
        return discord.ui.Label(
            text=field.label[:_LABEL],
            component=discord.ui.Select(
                custom_id=field.name + (_MANY if field.multiple else ""),
                options=[
                    discord.SelectOption(label=o.label[:100], value=o.value)
                    for o in field.options[:25]
                ],
                min_values=1 if field.required else 0,
                max_values=min(len(field.options), 25) if field.multiple else 1,
                required=field.required,
            ),
        )
    placeholder, default, length, style = "", None, 100, discord.TextStyle.short
    if isinstance(field, TextField):
        placeholder, length, default = field.placeholder, field.max_length, field.initial
        style = discord.TextStyle.paragraph if field.multiline else discord.TextStyle.short
    elif isinstance(field, DateField):
        placeholder, length, default = "YYYY-MM-DD", 10, field.initial
    elif isinstance(field, TimeField):
        placeholder, length, default = "24-hour HH:MM, like 18:00", 10, field.initial
    elif isinstance(field, NumberField):
        placeholder, length = f"a whole number from {field.low} to {field.high}", 10
        default = str(field.initial) if field.initial is not None else None
    return discord.ui.Label(
        text=field.label[:_LABEL],
        component=discord.ui.TextInput(
            custom_id=field.name,
            placeholder=placeholder[:100] or None,
            default=default,
            max_length=min(length, 4000),
            required=field.required,
            style=style,
        ),
    )


def form_target(custom_id: str) -> tuple[str, int | None] | None:
    """The form id and DM server of a modal's custom_id; None if it isn't one of ours."""
    match = _FORM_ID.fullmatch(custom_id)
    if match is None:
        return None
    return match["form"], int(match["guild"]) if match["guild"] else None


def answers(components: Sequence[Mapping[str, Any]]) -> dict[str, str | tuple[str, ...]]:
    """A modal submission's answers by question name, as the core's FormSubmission wants them."""
    values: dict[str, str | tuple[str, ...]] = {}
    for component in _inputs(components):
        name = str(component.get("custom_id", ""))
        if "values" in component:
            chosen = tuple(str(v) for v in component.get("values") or ())
            if name.endswith(_MANY):
                values[name.removesuffix(_MANY)] = chosen
            else:
                values[name] = chosen[0] if chosen else ""
        elif _JOINED in name:
            first, second = name.split(_JOINED, 1)
            parts = str(component.get("value") or "").split(None, 1)
            values[first] = parts[0] if parts else ""
            values[second] = parts[1] if len(parts) > 1 else ""
        else:
            values[name] = str(component.get("value") or "")
    return values


def _inputs(components: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Text inputs and selects, out of their action rows (type 1) and labels (type 18)."""
    found: list[Mapping[str, Any]] = []
    for component in components:
        if component.get("type") == 1:
            found += _inputs(component.get("components") or [])
        elif component.get("type") == 18 and isinstance(component.get("component"), Mapping):
            found += _inputs([component["component"]])
        elif "custom_id" in component:
            found.append(component)
    return found
