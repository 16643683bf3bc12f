"""TURNOUT_PUBLIC_URL and TURNOUT_SECRET: feeds on or off, one line when wrong, never shown;
TURNOUT_DOCS_URL: where help links."""

import os
from pathlib import Path

import pytest

from bot.app import redaction
from bot.app.cli import load_settings
from bot.app.settings import ConfigurationError


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("SLACK_", "DISCORD_", "TURNOUT_")) or name == "DATABASE_URL":
            monkeypatch.delenv(name)


def test_help_links_into_the_documentation_at_turnout_docs_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings().docs().link("tasks.md") == "docs/tasks.md"
    monkeypatch.setenv("TURNOUT_DOCS_URL", "https://turnout.example.org/docs/")

    assert load_settings().docs().link("index.md") == "https://turnout.example.org/docs/"


def test_without_a_public_url_there_are_no_feeds() -> None:
    assert load_settings().calendar_feeds() is None


def test_a_public_url_turns_feeds_on_under_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TURNOUT_PUBLIC_URL", "https://turnout.example.org/bot/")

    feeds = load_settings().calendar_feeds()

    assert feeds is not None and feeds.public_url == "https://turnout.example.org/bot"


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("TURNOUT_PUBLIC_URL", "turnout.example.org", "public web address"),
        ("TURNOUT_PUBLIC_URL", "https://turnout.example.org/?x=1", "public web address"),
        ("TURNOUT_SECRET", "short", "at least 16"),
        ("TURNOUT_DOCS_URL", "docs.example.org", "documentation's web address"),
    ],
)
def test_a_wrong_value_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(ConfigurationError) as raised:
        load_settings()

    message = str(raised.value)
    assert message.startswith(f"{variable} is not valid:") and says in message
    if variable == "TURNOUT_SECRET":
        assert value not in message, "a secret is never repeated back"


def test_the_secret_never_shows_in_the_settings_or_the_feed_links(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TURNOUT_PUBLIC_URL", "https://turnout.example.org")
    monkeypatch.setenv("TURNOUT_SECRET", "correct horse battery staple")

    settings = load_settings()

    assert "correct horse" not in repr(settings) and "correct horse" not in str(settings)
    assert "correct horse" not in repr(settings.calendar_feeds())


def test_feed_addresses_are_redacted_from_logs() -> None:
    line = "GET https://turnout.example.org/calendar/WzEsImFiYyJd.c2lnbmF0dXJl.ics 200"

    assert redaction.redact(line) == "GET https://turnout.example.org/calendar/[redacted].ics 200"
