"""Everything the console shows goes through the Screen, which remembers people's buttons."""

from typing import TextIO

from adapters.console.files import FileShelf
from adapters.console.render import INDENT, render
from bot.kernel.i18n import _
from bot.ports.replies import Button, Message, Reply


class Screen:
    def __init__(self, out: TextIO, *, shelf: FileShelf | None = None) -> None:
        self._out = out
        self._shelf = shelf
        # The buttons of the latest message each person was shown (none: an empty list):
        # typing `2` presses the second.
        self._choices: dict[str, list[Button]] = {}
        # The moment the clock stopped at, printed before whatever is shown next.
        self._stamp = ""
        self._stamped = ""

    def say(self, text: str) -> None:
        print(text, file=self._out, flush=True)

    def show(self, reply: Reply, *, to: list[str], header: str = "") -> None:
        """Print a reply for `to` (console user keys), whose latest message it now is: its
        buttons are theirs to press. With `to` empty (a channel post) the buttons are shown
        but not numbered, and nobody's latest message changes."""
        lines, buttons = render(reply, numbered=bool(to))
        self._print_stamp()
        if header:
            self.say(header)
        for line in lines:
            self.say(f"{INDENT}{line}" if line else "")
        if isinstance(reply, Message):
            for attachment in reply.files:
                if self._shelf is None:
                    unsaved = _(
                        "{filename} (not saved: no files folder)", filename=attachment.filename
                    )
                    self.say(f"{INDENT}📎 {unsaved}")
                    continue
                path = self._shelf.keep(attachment)
                self.say(f"{INDENT}📎 {attachment.title or attachment.filename}: {path}")
        for user in to:
            self._choices[user] = buttons

    def buttons(self, user: str) -> list[Button]:
        """The buttons of the latest message `user` was shown, in their numbers' order."""
        return self._choices.get(user, [])

    def stamp(self, line: str) -> None:
        """Print `line` (a moment the clock stopped at) before whatever is shown next; a later
        stamp takes its place if nothing is shown meanwhile."""
        self._stamp = line

    def settle(self, line: str) -> None:
        """Print `line` (where the clock ended) now, unless it was the last stamp shown."""
        self._stamp = ""
        if line != self._stamped:
            self.say(line)
        self._stamped = ""

    def _print_stamp(self) -> None:
        # Moments seconds apart read the same to the minute: one stamp says it for all.
        if self._stamp and self._stamp != self._stamped:
            self.say(self._stamp)
            self._stamped = self._stamp
        self._stamp = ""
