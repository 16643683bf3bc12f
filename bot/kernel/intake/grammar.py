"""The text command grammar shared by Slack and the console: a typed line becomes a Command.

Whatever people type, `parse` returns a Command or raises a UserError whose sentence says what to
type instead; no other exception escapes. Words are read one at a time, on demand, so free text
at the end of a line (an announcement, a description) is kept verbatim and never tokenized: an
apostrophe or a stray quote in it cannot break anything.
"""

import re
from collections.abc import Sequence

from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import parsing
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Group

# A shift number typed where the subcommand goes: `/phonebank 3`.
_SHIFT_NUMBER = re.compile(r"#?[0-9]{1,7}")


class Grammar:
    """The typed form of every catalogue entry: `/<group> <verb> …`."""

    def __init__(self, groups: Sequence[Group], entries: Sequence[Entry]) -> None:
        self._groups = {group.name: group for group in groups}
        self._entries = {(entry.group, entry.verb): entry for entry in entries}

    def parse(self, actor: Actor, line: str) -> Command:
        """Read a whole slash command as typed, e.g. `/phonebank join 3`; UserError if unclear."""
        parts = line.split(None, 1)
        if not parts:
            raise UserError(_("Type a command, like `/phonebank list` or `/turnout help`."))
        return self.parse_command(actor, parts[0], parts[1] if len(parts) > 1 else "")

    def parse_command(self, actor: Actor, command: str, text: str) -> Command:
        """Read a command name (`/phonebank`) and the text after it, as Slack delivers them."""
        name = command.strip().lower().removeprefix("/")
        group = self._groups.get(name)
        if group is None:
            raise UserError(
                _(
                    "{capital} isn't a Turnout command. Try `/phonebank`, `/task`, "
                    "`/volunteer` or `/turnout help`.",
                    capital=typed.capital(typed.shown(command.strip())),
                )
            )
        words = typed.Words(text, self._entries[name, "help"].usage)
        first = words.take()
        verb = group.alone if first is None else first.text.lower()
        entry = self._entries.get((name, verb))
        if entry is None:
            raise self._unknown_subcommand(name, first.text if first else "")
        words.usage = entry.usage
        return parsing.read_text(entry, actor, words)

    def _unknown_subcommand(self, command: str, word: str) -> UserError:
        subcommands = [v for (g, v) in self._entries if g == command and v != "help"]
        listed = [f"`/{command} {subcommands[0]}`", *(f"`{name}`" for name in subcommands[1:])]
        choices = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
        said = typed.capital(typed.shown(f"/{command} {word}"))
        if command == "phonebank" and _SHIFT_NUMBER.fullmatch(word):
            # People type the shift number straight after the command, meaning "join it".
            return UserError(
                _(
                    "{said} isn't something I know. To sign up for shift {lstrip}, type "
                    "`/phonebank join {word}`.",
                    said=said,
                    lstrip=word.lstrip("#"),
                    word=word,
                )
            )
        return UserError(
            _(
                "{said} isn't something I know. Try {choices} — or `/{command} help`.",
                said=said,
                choices=choices,
                command=command,
            )
        )
