"""A DATABASE_URL Turnout can't use is one line naming DATABASE_URL and what is wrong."""

import os
from pathlib import Path
from typing import TypedDict

import pytest
from sqlalchemy import make_url

from bot.app.cli import main

SECRET = "s3cret-pw"
POSTGRES = os.environ.get("TURNOUT_TEST_DATABASE_URL")


class UrlChange(TypedDict, total=False):
    """What a test changes in TURNOUT_TEST_DATABASE_URL."""

    database: str
    username: str
    password: str


def _migrate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, url: str
) -> list[str]:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["migrate"]) == 2
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).splitlines()
    assert len(lines) == 1 and "DATABASE_URL" in lines[0] and SECRET not in lines[0], lines
    return lines


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("not a url at all", "isn't a database address"),
        (f"postgresql://u:{SECRET}@127.0.0.1:abc/db", "port isn't a number"),
        (f"mysql://u:{SECRET}@127.0.0.1/db", "Turnout supports"),
    ],
)
def test_a_badly_written_url_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    url: str,
    says: str,
) -> None:
    [line] = _migrate(monkeypatch, capsys, tmp_path, url)
    assert says in line


@pytest.mark.skipif(not POSTGRES, reason="needs TURNOUT_TEST_DATABASE_URL (PostgreSQL)")
@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"database": "no_such_database_here"}, "'no_such_database_here', which doesn't exist"),
        ({"username": "no_such_role_here", "password": SECRET}, "can't log in"),
    ],
)
def test_a_missing_postgres_database_or_role_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    change: UrlChange,
    says: str,
) -> None:
    url = make_url(POSTGRES or "").set(**change).render_as_string(hide_password=False)
    [line] = _migrate(monkeypatch, capsys, tmp_path, url)
    assert says in line
