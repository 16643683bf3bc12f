"""The slash commands, events and Home tab in Slack's app manifest, written from the command
catalogue and the app's listeners.

`manifest.yaml` is checked in so people can paste it; its `app_home`, `slash_commands` and
`bot_events` blocks are generated here, and a test fails when the file and the code disagree.
After changing the catalogue or the events:

    python -m adapters.slack.manifest          # rewrite the block in manifest.yaml
    python -m adapters.slack.manifest --check  # exit 1 if it is out of date
"""

import json
import sys
from pathlib import Path
from typing import Any

from adapters.slack.app import EVENTS
from bot import catalogue

MANIFEST = Path(__file__).with_name("manifest.yaml")
_BLOCK_START = "  slash_commands:\n"
_BLOCK_END = "oauth_config:\n"
_HOME_START = "  app_home:\n"
_HOME_END = "  bot_user:\n"
_EVENTS_START = "    bot_events:\n"
_EVENTS_END = "  interactivity:\n"


def slash_commands() -> list[dict[str, Any]]:
    """One slash command per catalogue group, as the manifest declares it.

    The usage hint lists the entries that name a hint, in the order help lists them.
    """
    return [
        {
            "command": f"/{group.name}",
            "description": group.menu_description,
            "usage_hint": "["
            + " | ".join(e.hint for e in catalogue.entries(group.name) if e.hint)
            + "]",
            # Slack sends @mentions as member and user group IDs only when asked to.
            "should_escape": any(
                p.mentions for e in catalogue.entries(group.name) for p in e.params
            ),
        }
        for group in catalogue.GROUPS
    ]


def bot_scopes(text: str | None = None) -> list[str]:
    """The bot scopes the manifest asks for (`oauth_config.scopes.bot`), in its order; read
    from the file's text, as the generated blocks are, so running needs no YAML parser."""
    text = MANIFEST.read_text() if text is None else text
    lines = text[text.index(_BLOCK_END) :].splitlines()
    start = lines.index("    bot:") + 1
    scopes = []
    for line in lines[start:]:
        item = line.strip()
        if item.startswith("- "):
            scopes.append(item.removeprefix("- ").strip())
        elif item and not item.startswith("#"):
            break
    return scopes


def rewritten(text: str) -> str:
    """The manifest's text with its generated blocks (`app_home`, `slash_commands`,
    `bot_events`) written afresh. Everything else, comments included, is kept as it is."""
    text = _replaced(text, _HOME_START, _HOME_END, _home_block())
    text = _replaced(text, _BLOCK_START, _BLOCK_END, _block(slash_commands()))
    return _replaced(text, _EVENTS_START, _EVENTS_END, _events_block())


def _replaced(text: str, start_marker: str, end_marker: str, block: str) -> str:
    start = text.index(start_marker)
    end = text.index(end_marker, start)
    return text[:start] + block + text[end:]


def _home_block() -> str:
    # The Home tab is on exactly when the app listens for it being opened.
    home = "app_home_opened" in EVENTS
    return (
        _HOME_START
        + "    # Each person's shifts, tasks and settings (`/volunteer home` elsewhere).\n"
        + f"    home_tab_enabled: {str(home).lower()}\n"
        + "    # People can type the slash commands in the bot's own DM, where their reminders "
        + "arrive.\n"
        + "    messages_tab_enabled: true\n"
        + "    messages_tab_read_only_enabled: false\n"
    )


def _events_block() -> str:
    lines = [_EVENTS_START.rstrip("\n")]
    for event, why in EVENTS.items():
        lines += [f"      # {why}", f"      - {event}"]
    return "\n".join(lines) + "\n"


def _block(commands: list[dict[str, Any]]) -> str:
    lines = [_BLOCK_START.rstrip("\n")]
    for command in commands:
        lines += [
            f"    - command: {command['command']}",
            f"      description: {command['description']}",
            f"      usage_hint: {json.dumps(command['usage_hint'])}",
            f"      should_escape: {str(command['should_escape']).lower()}",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Rewrite manifest.yaml's slash commands, or with --check only report whether it is current."""
    text = MANIFEST.read_text()
    wanted = rewritten(text)
    if "--check" in argv:
        if wanted != text:
            sys.stderr.write(f"{MANIFEST} is out of date: run python -m adapters.slack.manifest\n")
            return 1
        return 0
    MANIFEST.write_text(wanted)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
