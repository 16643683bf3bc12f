"""The slash commands: the catalogue's groups as Discord command groups, built from it.

Each catalogue entry becomes a subcommand whose options are the entry's typed parameters, with
the domain's limits as Discord's ranges and lengths, its help summary as the description, and
autocomplete where the entry names a picker. Answers are read by the core's own readers, so
this module only translates.
"""

import inspect
from typing import Any, Literal

import discord
from discord import app_commands

from adapters.discord.desk import Desk
from adapters.discord.translations import described, named
from bot import catalogue
from bot.kernel.intake import choices
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry, Group, Kind, Param

Choices = list[app_commands.Choice[int]]
Interaction = discord.Interaction


def about(entry: Entry) -> str:
    """A subcommand's description: its help summary, marked when it is for organizers."""
    summary = entry.usage.summary
    text = summary[:1].upper() + summary[1:]
    return (text + " (organizers)" if entry.organizer else text)[:100]


def groups(desk: Desk) -> list[app_commands.Group]:
    """One command group per catalogue group, holding every entry offered on menus."""
    return [_group(desk, group) for group in catalogue.GROUPS]


def _group(desk: Desk, group: Group) -> app_commands.Group:
    # Commands act for one server; in DMs, the buttons on Turnout's messages do.
    tree_group = app_commands.Group(
        name=group.name,
        description=described(group.description),
        guild_only=True,
        allowed_contexts=app_commands.AppCommandContext(guild=True),
        allowed_installs=app_commands.AppInstallationType(guild=True),
    )
    for entry in catalogue.entries(group.name):
        if entry.menu:
            tree_group.add_command(_command(desk, entry))
    return tree_group


def _command(desk: Desk, entry: Entry) -> app_commands.Command[Any, ..., None]:
    async def run(interaction: Interaction, **options: Any) -> None:
        await desk.command(interaction, entry, options)

    run.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Interaction
            ),
            *(_option(param) for param in entry.params),
        ]
    )
    run.__discord_app_commands_param_description__ = {  # type: ignore[attr-defined]
        param.name: described(param.about) for param in entry.params
    }
    # Choices with readable names (a kind: "🚪 Canvass"), answered with their ids.
    run.__discord_app_commands_param_choices__ = {  # type: ignore[attr-defined]
        param.name: [
            app_commands.Choice(name=named(label), value=value)
            for value, label in zip(param.choices, param.labels, strict=True)
        ]
        for param in entry.params
        if param.labels
    }
    command: app_commands.Command[Any, ..., None] = app_commands.Command(
        name=entry.verb,
        description=described(about(entry), summary=entry.usage.summary, organizer=entry.organizer),
        callback=run,
    )
    for param in entry.params:
        if param.pick is not None:
            command.autocomplete(param.name)(_suggest(desk, param.pick))
    return command


def _option(param: Param) -> inspect.Parameter:
    annotation: Any
    if param.kind is Kind.NUMBER:
        annotation = app_commands.Range[int, 1, param.high]
    elif param.kind is Kind.TEXT:
        annotation = app_commands.Range[str, 1, param.max_length]
    elif param.kind is Kind.FLAG:
        annotation = bool
    elif param.labels:
        annotation = str
    else:
        annotation = Literal[param.choices]
    default: Any = inspect.Parameter.empty
    if param.kind is Kind.FLAG:
        default = False
    elif not param.required:
        annotation, default = annotation | None, None
    return inspect.Parameter(
        param.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _suggest(desk: Desk, pick: Pick) -> Any:
    if pick is Pick.ZONES:

        async def zones(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=z, value=z) for z in choices.zones(current)]

        return zones

    async def numbered(interaction: Interaction, current: str) -> Choices:
        return await desk.choices(interaction, pick, current)

    return numbered
