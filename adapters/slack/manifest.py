"""The slash commands in Slack's app manifest, written from the command catalogue.

`manifest.yaml` is checked in so people can paste it; its `slash_commands` block is generated
here, and a test fails when the file and the catalogue disagree. After changing the catalogue:

    python -m adapters.slack.manifest          # rewrite the block in manifest.yaml
    python -m adapters.slack.manifest --check  # exit 1 if it is out of date
"""

import json
import sys
from pathlib import Path
from typing import Any

from bot import catalogue

MANIFEST = Path(__file__).with_name("manifest.yaml")
_BLOCK_START = "  slash_commands:\n"
_BLOCK_END = "oauth_config:\n"


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
            "should_escape": False,
        }
        for group in catalogue.GROUPS
    ]


def rewritten(text: str) -> str:
    """The manifest's text with its `slash_commands` block replaced by the generated one.

    Everything else, comments included, is kept as it is.
    """
    start = text.index(_BLOCK_START)
    end = text.index(_BLOCK_END, start)
    return text[:start] + _block(slash_commands()) + text[end:]


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
