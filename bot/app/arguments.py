"""`turnout`'s command line, read into arguments; bot/app/cli.py acts on them."""

import argparse
from pathlib import Path


def parser(*, console_desk: str) -> argparse.ArgumentParser:
    """The command line: `turnout console`, `run`, `migrate`, `doctor`, `backup`,
    `erase-team`... (the console's desk address defaults to `console_desk`)."""
    parser = argparse.ArgumentParser(
        prog="turnout", description="Coordinate campaign volunteers on Slack, Discord or here."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    console = commands.add_parser("console", help="chat with Turnout in this terminal (no tokens)")
    console.add_argument("--db", type=Path, help="SQLite file to use (default: DATABASE_URL)")
    console.add_argument("--user", default="Olivia", help="who is typing at first")
    console.add_argument("--lang", default="", help="the terminal's language (es, en)")
    console.add_argument(
        "--organizer",
        action="append",
        default=[],
        metavar="NAME",
        help="a person who is an organizer (repeatable; default: the --user)",
    )
    console.add_argument(
        "--files",
        type=Path,
        metavar="DIR",
        help="folder for files Turnout sends (exports, charts); default: turnout-files/ next "
        "to the SQLite file",
    )
    console.add_argument(
        "--now",
        help="start the console's clock at this time, 'YYYY-MM-DD HH:MM', in the campaign's "
        "time zone (rehearsals)",
    )
    console.add_argument("--desk", default=console_desk, metavar="HOST:PORT", help="the desk")
    commands.add_parser("run", help="run the bot on the configured platforms")
    commands.add_parser(
        "discord-invite", help="print the link that adds the bot to a Discord server"
    )
    commands.add_parser("migrate", help="bring the database schema up to date and exit")
    commands.add_parser(
        "doctor",
        help="check the settings against the database and the platforms, and say what to fix",
    )
    backup = commands.add_parser(
        "backup", help="copy the database into a new file, safely while the bot runs"
    )
    backup.add_argument("path", type=Path, metavar="PATH", help="the new backup file")
    restore = commands.add_parser(
        "restore", help="load a backup into DATABASE_URL, which must be new or empty"
    )
    restore.add_argument("path", type=Path, metavar="PATH", help="a file `turnout backup` wrote")
    erase = commands.add_parser(
        "erase-team",
        help="erase a team's data (a workspace that removed the app), as /turnout erase-team does",
    )
    erase.add_argument(
        "team", metavar="PLATFORM:TEAM_ID", help="the team, like slack:T0123ABCD or discord:<id>"
    )
    erase.add_argument("--yes", action="store_true", help="erase without asking first")
    return parser
