"""Everything the console shows goes through the Screen, which remembers people's buttons."""

from typing import TextIO

from adapters.console.files import FileShelf
from adapters.console.render import INDENT, render
from bot.ports.replies import Button, Message, Reply


class Screen:
    def __init__(self, out: TextIO, *, shelf: FileShelf | None = None) -> None:
        self._out = out
        self._shelf = shelf
        # The buttons of the latest message each person got: typing `2` presses the second.
        self._choices: dict[str, list[Button]] = {}

    def say(self, text: str) -> None:
        print(text, file=self._out, flush=True)

    def show(self, reply: Reply, *, to: list[str], header: str = "") -> None:
        """Print a reply for `to` (console user keys) and make its buttons theirs to press;
        with `to` empty (a channel post) the buttons are shown but not numbered."""
        lines, buttons = render(reply, numbered=bool(to))
        if header:
            self.say(header)
        for line in lines:
            self.say(f"{INDENT}{line}" if line else "")
        if isinstance(reply, Message):
            for attachment in reply.files:
                if self._shelf is None:
                    self.say(f"{INDENT}📎 {attachment.filename} (not saved: no files folder)")
                    continue
                path = self._shelf.keep(attachment)
                self.say(f"{INDENT}📎 {attachment.title or attachment.filename}: {path}")
        if buttons:
            for user in to:
                self._choices[user] = buttons

    def choice(self, user: str, number: int) -> Button | None:
        buttons = self._choices.get(user, [])
        return buttons[number - 1] if 1 <= number <= len(buttons) else None
