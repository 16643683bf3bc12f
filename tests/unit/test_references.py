"""The documentation's generated references name every command and every setting as the code
declares them, the help topics point at pages and headings the site has, and the site builds
with `mkdocs build --strict`."""

import importlib.util
import re
import subprocess
import sys
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.app.cli import Settings
from bot.app.references import (
    COMMANDS_PAGE,
    UNSET,
    WHO,
    commands_page,
    configuration_page,
    default_shown,
    variables,
)
from bot.catalogue import GROUPS, catalogue
from bot.kernel.intake.entry import Entry

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TODAY = date(2026, 11, 2)
# `### /phonebank join {#phonebank-join}`, then its lines up to the next heading.
COMMAND = re.compile(r"^### /(\S+) (\S+) \{#[\w-]+\}\n(.*?)(?=^#|\Z)", re.MULTILINE | re.DOTALL)
# `VARIABLE=value` or `# VARIABLE=value` in .env.example.
EXAMPLE_VARIABLE = re.compile(r"^#? ?([A-Z][A-Z0-9_]+)=", re.MULTILINE)


@cache
def commands() -> str:
    return commands_page(catalogue(), today=TODAY)


@cache
def configuration() -> str:
    return configuration_page(Settings.__bases__)


def sections() -> dict[tuple[str, str], list[str]]:
    """Each command's section of the command reference, by group and verb; a command named
    twice would show as a shorter dict than the list of headings."""
    found = COMMAND.findall(commands())
    assert len(found) == len({(group, verb) for group, verb, _ in found}), "a command twice"
    return {(group, verb): body.splitlines() for group, verb, body in found}


def every_setting() -> list[tuple[type[Any], str, Any]]:
    return [(kind, name, field) for kind in Settings.__bases__ for name, field in variables(kind)]


# The command reference


def test_the_command_reference_names_every_command_and_only_those() -> None:
    assert set(sections()) == {(entry.group, entry.verb) for entry in catalogue().entries}


@pytest.mark.parametrize("entry", catalogue().entries, ids=lambda e: f"{e.group} {e.verb}")
def test_each_command_is_given_with_its_usage_who_may_run_it_and_an_example(
    entry: Entry,
) -> None:
    lines = sections()[(entry.group, entry.verb)]
    assert f"- Usage: `{entry.usage.syntax}`" in lines
    assert f"- Who may run it: {WHO[entry.who]}" in lines
    assert f"- Example: `{entry.usage.example_on(TODAY)}`" in lines
    assert lines[1].lower().startswith(entry.usage.summary[:20].lower())


def test_who_may_run_each_command_reads_as_the_catalogue_says() -> None:
    said = {
        key: next(line for line in lines if line.startswith("- Who may run it:"))
        for key, lines in sections().items()
    }
    wrong = [
        f"/{e.group} {e.verb}"
        for e in catalogue().entries
        if said[(e.group, e.verb)] != f"- Who may run it: {WHO[e.who]}"
    ]
    assert wrong == []


def test_each_group_has_its_own_section_in_help_s_order() -> None:
    headings = re.findall(r"^## /(\w+): .* \{#(\w+)\}$", commands(), re.MULTILINE)
    assert headings == [(g.name, g.name) for g in GROUPS]


def test_a_menu_option_is_listed_with_the_choices_it_takes() -> None:
    lines = sections()[("turnout", "help")]
    [topic] = [line for line in lines if line.startswith("| `topic` |")]
    assert all(f"`{t.name}`" in topic for t in catalogue().topics)


# The configuration reference


@pytest.mark.parametrize(
    ("kind", "variable", "field"), every_setting(), ids=[v for _, v, _ in every_setting()]
)
def test_each_setting_is_given_with_its_default_and_what_it_does(
    kind: type[Any], variable: str, field: Any
) -> None:
    assert field.description, f"{variable} says nothing of what it does"
    said = field.description.replace("|", "\\|")
    row = f"| `{variable}` | {default_shown(field)} | {said} |"
    assert row in configuration().splitlines()


def test_secrets_and_empty_defaults_show_as_unset() -> None:
    rows = {
        line.split("|")[1].strip(" `"): line.split("|")[2].strip()
        for line in configuration().splitlines()
        if line.startswith("| `")
    }
    for variable in ("TURNOUT_SECRET", "SLACK_BOT_TOKEN", "SLACK_CLIENT_SECRET", "DISCORD_TOKEN"):
        assert rows[variable] == UNSET
    assert rows["SLACK_ADMINS_ARE_ORGANIZERS"] == "`false`"
    assert rows["TURNOUT_HTTP_PORT"] == "`3000`"


def test_each_settings_class_has_a_titled_section() -> None:
    titles = re.findall(r"^## (.+)$", configuration(), re.MULTILINE)
    assert titles == ["The core", "Slack", "Discord"]


def test_the_example_environment_names_every_setting_and_only_those() -> None:
    named = EXAMPLE_VARIABLE.findall((ROOT / ".env.example").read_text())
    assert len(named) == len(set(named)), "a variable twice"
    assert set(named) == {variable for _, variable, _ in every_setting()}


# Help topics and the site's pages


@cache
def nav_pages() -> set[str]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())

    def pages(items: Any) -> set[str]:
        if isinstance(items, str):
            return {items}
        if isinstance(items, list):
            return {page for item in items for page in pages(item)}
        return {page for value in items.values() for page in pages(value)}

    return pages(config["nav"])


def slug(heading: str) -> str:
    """A heading's anchor as MkDocs writes it (Python-Markdown's toc slugify), or its
    `{#id}`."""
    explicit = re.search(r"\{#([\w-]+)\}\s*$", heading)
    if explicit:
        return explicit.group(1)
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text).strip().lower())


def anchors(text: str) -> set[str]:
    # Headings outside fenced blocks only (a console transcript's `# organizers:` is none).
    outside = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", outside, re.MULTILINE)}


def page_text(page: str) -> str | None:
    """A page's Markdown: generated, or under docs/ (None while it's only its title)."""
    if page == COMMANDS_PAGE:
        return commands()
    text = (DOCS / page).read_text()
    return text if text.strip().count("\n") > 0 else None


def every_doc() -> list[tuple[str, str]]:
    return sorted(
        {
            (t.name, doc)
            for t in catalogue().topics
            for doc in {t.doc_for(organizer=True), t.doc_for(organizer=False)}
        }
    )


def test_mkdocs_nav_names_every_page_under_docs_and_the_generated_references() -> None:
    written = {str(p.relative_to(DOCS)) for p in DOCS.glob("**/*.md")}
    assert nav_pages() == written | {COMMANDS_PAGE, "reference/configuration.md"}


@pytest.mark.parametrize(("topic", "doc"), every_doc())
def test_each_topic_points_to_a_page_in_the_site_and_a_heading_on_it(topic: str, doc: str) -> None:
    page, _, anchor = doc.partition("#")
    assert page in nav_pages(), f"{topic}: {page} is not in mkdocs.yml's nav"
    text = page_text(page)
    if text is None or not anchor:
        return  # the page is still only its title: its headings are checked once it is written
    assert anchor in anchors(text), f"{topic}: {page} has no heading #{anchor}"


def test_a_heading_s_anchor_is_made_as_mkdocs_makes_it() -> None:
    assert slug("The organizer's desk") == "the-organizers-desk"
    assert slug("Before, during and after a shift") == "before-during-and-after-a-shift"
    assert slug("/phonebank: Phone bank shifts {#phonebank}") == "phonebank"


def test_every_topic_s_name_means_one_topic() -> None:
    names = [name for t in catalogue().topics for name in t.names]
    assert len(names) == len(set(names))


def test_discord_can_offer_every_topic_as_a_choice() -> None:
    [help_entry] = [e for e in catalogue().entries if (e.group, e.verb) == ("turnout", "help")]
    [topic] = help_entry.params
    assert topic.choices == tuple(t.name for t in catalogue().topics)
    assert len(topic.choices) <= 25, "Discord offers at most 25 choices"


def test_every_topic_but_a_role_s_lists_commands_no_other_topic_of_its_kind_lists() -> None:
    """A command is in at most one feature's topic, so help never explains it twice over."""
    named = {g.name for g in GROUPS}
    seen: dict[int, str] = {}
    for topic, entries in catalogue().topic_entries.items():
        assert entries, f"{topic.name} lists no command"
        if topic.who or topic.name in named:
            continue
        for entry in entries:
            assert seen.setdefault(id(entry), topic.name) == topic.name, entry.usage.syntax


# The site


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None, reason="mkdocs not installed")
def test_the_site_builds_strictly_with_both_references(tmp_path: Path) -> None:
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "", "HOME": str(tmp_path)},
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    commands_html = (site / "reference" / "commands" / "index.html").read_text()
    assert 'id="phonebank-join"' in commands_html
    configuration_html = (site / "reference" / "configuration" / "index.html").read_text()
    assert "TURNOUT_DOCS_URL" in configuration_html
    assert not (DOCS / "reference").exists(), "the references are generated, never written"
