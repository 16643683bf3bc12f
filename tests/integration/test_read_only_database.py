"""A database Turnout may read but not write: one line at start naming DATABASE_URL and why,
and a non-zero exit, from every command that starts the bot."""

from pathlib import Path

import pytest

from tests.adapters.running import turnout_cli


def turnout(
    tmp_path: Path, url: str, *args: str, env: dict[str, str] | None = None
) -> tuple[int, list[str]]:
    code, printed = turnout_cli(tmp_path, url, *args, stdin="/phonebank list\n", env=env)
    return code, printed.splitlines()


@pytest.fixture
def read_only_url(tmp_path: Path) -> str:
    """A migrated SQLite file opened read-only (as a file without write permission is, which
    root can't be shown: it writes regardless)."""
    database = tmp_path / "turnout.db"
    status, said = turnout(tmp_path, f"sqlite:///{database}", "migrate")
    assert status == 0, said
    return f"sqlite:///file:{database}?mode=ro&uri=true"


@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["migrate"], {}),
        (["console"], {}),
        # A Slack token that would be checked after the database: the database is first.
        (["run"], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}),
    ],
    ids=["migrate", "console", "run"],
)
def test_a_read_only_database_is_one_line_naming_database_url(
    tmp_path: Path, read_only_url: str, command: list[str], env: dict[str, str]
) -> None:
    status, said = turnout(tmp_path, read_only_url, *command, env=env)

    assert status != 0, said
    assert len(said) == 1, f"{len(said)} lines at start:\n" + "\n".join(said[:20])
    assert "DATABASE_URL" in said[0] and "read-only" in said[0], said
