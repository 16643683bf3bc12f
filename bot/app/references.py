"""The documentation's command and configuration references, written from the command catalogue
and the settings classes.

The documentation site's hook (docs/hooks/references.py) writes both pages as the site builds,
and the tests read the same functions, so the references can't drift from the code: a command
or a setting that exists is in them, with what it is said to do where it is declared.
"""

from collections.abc import Iterator, Sequence
from datetime import date

from pydantic import SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from bot.catalogue import GROUPS, Catalogue
from bot.kernel.intake.docs import COMMANDS_PAGE, CONFIGURATION_PAGE
from bot.kernel.intake.entry import Entry, Group, Param, Who

__all__ = ["COMMANDS_PAGE", "CONFIGURATION_PAGE", "WHO", "commands_page", "configuration_page"]

# Who may run a command, as the reference says it.
WHO = {
    Who.EVERYONE: "everyone",
    Who.HOST: "organizers, and the shift's host",
    Who.ORGANIZER: "organizers",
}
# Shown for a setting that is empty unless set, and for a secret's default.
UNSET = "—"


def commands_page(catalogue: Catalogue, *, today: date) -> str:
    """The command reference: every command, group by group in help's order, with its usage,
    what it does, who may run it and an example (its dates ahead of `today`)."""
    lines = [
        "# Commands",
        "",
        "Every command Turnout has, group by group. In chat, `/turnout help` lists the ones",
        "you may run, and `/turnout help <topic>` those of one topic. Each command works the",
        "same on Slack, Discord and the console; where it takes a shift or a task, menus offer",
        "them as you type.",
        "",
        "Who may run a command: **everyone**; **organizers**; or **organizers, and the shift's",
        "host** (a volunteer an organizer made the host of that shift, on that shift only).",
        "",
        *_topics(catalogue),
    ]
    for group in GROUPS:
        entries = [e for e in catalogue.entries if e.group == group.name]
        lines += ["", *_group(group, entries, today)]
    return "\n".join(lines) + "\n"


def _topics(catalogue: Catalogue) -> list[str]:
    lines = [
        "## Help topics",
        "",
        "`/turnout help <topic>` answers with a topic's commands and where to read more.",
        "",
        "| topic | also | what it covers | read more |",
        "|---|---|---|---|",
    ]
    for topic in catalogue.topics:
        page = topic.doc.partition("#")[0]
        # A group's page is its own section below.
        link = f"[below](#{topic.name})" if page == COMMANDS_PAGE else f"[{page}](../{page})"
        also = ", ".join(f"`{name}`" for name in topic.also)
        lines.append(f"| `{topic.name}` | {also} | {topic.heading} | {link} |")
    return lines


def _group(group: Group, entries: Sequence[Entry], today: date) -> list[str]:
    lines = [
        f"## /{group.name}: {group.heading} {{#{group.name}}}",
        "",
        f"{group.menu_description}. Alone, `/{group.name}` is `/{group.name} {group.alone}`.",
    ]
    for entry in entries:
        lines += ["", *_command(entry, today)]
    return lines


def _command(entry: Entry, today: date) -> list[str]:
    lines = [
        f"### /{entry.group} {entry.verb} {{#{entry.group}-{entry.verb}}}",
        "",
        f"{_sentence(entry.usage.summary)}",
        "",
        f"- Usage: `{entry.usage.syntax}`",
        f"- Who may run it: {WHO[entry.who]}",
        f"- Example: `{entry.usage.example_on(today)}`",
    ]
    if any(command.__name__.startswith("Start") for command in entry.also):
        lines.append("- Typed without its details, it opens a form to fill in.")
    if entry.params and entry.menu:
        lines += ["", "| option | required | what it is |", "|---|---|---|"]
        lines += [_option(param) for param in entry.params]
    return lines


def _option(param: Param) -> str:
    choices = f" One of {', '.join(f'`{c}`' for c in param.choices)}." if param.choices else ""
    required = "yes" if param.required else "no"
    return f"| `{param.name}` | {required} | {_cell(_sentence(param.about))}{choices} |"


def configuration_page(settings: Sequence[type[BaseSettings]]) -> str:
    """The configuration reference: every variable of each settings class (the core's, then
    each platform's), with its default and what it does."""
    lines = [
        "# Configuration",
        "",
        "Turnout reads its settings from the environment, or from a `.env` file in the",
        "directory it runs in (copy `.env.example`, which lists them all). Every variable is",
        "optional; a wrong value stops Turnout with one line that names the variable.",
        f"A {UNSET} default means unset.",
    ]
    for kind in settings:
        lines += ["", *_settings(kind)]
    return "\n".join(lines) + "\n"


def variables(kind: type[BaseSettings]) -> Iterator[tuple[str, FieldInfo]]:
    """Each variable of a settings class by its name in the environment, with its field."""
    for name, field in kind.model_fields.items():
        yield field.alias or name.upper(), field


def _settings(kind: type[BaseSettings]) -> list[str]:
    title = kind.model_config.get("title") or kind.__name__
    about = " ".join((kind.__doc__ or "").split())
    lines = [f"## {title}", "", about, "", "| variable | default | what it does |", "|---|---|---|"]
    for variable, field in variables(kind):
        description = _cell(field.description or "")
        lines.append(f"| `{variable}` | {default_shown(field)} | {description} |")
    return lines


def default_shown(field: FieldInfo) -> str:
    """A field's default as the reference shows it: secrets and empty values as unset."""
    default = field.default
    if isinstance(default, SecretStr) or default in ("", None):
        return UNSET
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default}`"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?")) else ".")


def _cell(text: str) -> str:
    """Text inside a table cell: a `|` would end it."""
    return text.replace("|", "\\|")
