"""The console's conversation loop: slash commands, numbered buttons, forms and meta commands."""

import asyncio
import shlex
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from adapters.console.render import INDENT, KEEP, SKIP, question
from adapters.console.screen import Screen
from bot.app.clock import ManualClock
from bot.app.scheduler import Wakeups
from bot.app.turnout import Turnout
from bot.domain.campaign import Identity
from bot.domain.timing import parse_duration
from bot.kernel import timefmt
from bot.kernel.commands import Actor
from bot.ports.replies import ChoiceField, Form, FormSubmission, Message, NumberField, Reply

PLATFORM = "console"
TEAM = "console"
# Everyone types in one channel, where live posts (`/phonebank post`, `board`) go.
CHANNEL = "general"

# Reads one line after showing a prompt; None at the end of input.
Reader = Callable[[str], Awaitable[str | None]]

META_HELP = """\
Type slash commands as on Slack, e.g. /phonebank list, /phonebank join 1, /task list, /turnout help.
A number presses a button of the latest message you got: [1], [2] …
  :as NAME          switch who is typing
  :arrive NAME      a new member joins the team (starts the welcome flow)
  :advance 2h       move the clock forward (e.g. 90m, 1d) and send what falls due
  :now              show the console's clock
  :cancel           stop filling in a form
  :help             this help
  :quit             leave (Ctrl-D works too)"""


@dataclass(slots=True)
class _Filling:
    """A form a person is answering, one question per line."""

    form: Form
    answers: dict[str, str | tuple[str, ...]] = field(default_factory=dict)


class ConsoleChat:
    def __init__(
        self,
        *,
        turnout: Turnout,
        wakeups: Wakeups,
        clock: ManualClock,
        screen: Screen,
        user: str,
        organizers: set[str],
        names: dict[str, str],
        campaign_name: str,
        zone: ZoneInfo,
    ) -> None:
        self._turnout = turnout
        self._wakeups = wakeups
        self._clock = clock
        self._screen = screen
        self._organizers = {key(o) for o in organizers}
        self._names = names
        self._campaign_name = campaign_name
        self._zone = zone
        self._forms: dict[str, _Filling] = {}
        self._user = self._remember(user)

    @property
    def user(self) -> str:
        return self._names[self._user]

    def organizer_keys(self) -> list[str]:
        return sorted(self._organizers)

    async def run(self, read: Reader, *, echo: bool) -> None:
        """Read lines until `:quit` or end of input; `echo` prints them (for piped sessions)."""
        self._screen.say(f"Turnout console: {self._campaign_name}. Type :help for help.")
        self._prompt_if_filling()
        while (raw := await read(f"{self.user}> ")) is not None:
            line = raw.strip()
            if echo:
                self._screen.say(f"{self.user}> {line}")
            if not await self.handle_line(line):
                break

    async def handle_line(self, line: str) -> bool:
        """Act on one line; False means the person asked to quit."""
        if not line:
            return True
        if line.startswith(":"):
            keep_going = await self._meta(line)
        elif line.startswith("/"):
            if self._forms.pop(self._user, None):
                self._screen.say(f"{INDENT}(form put aside; press its button again to restart)")
            await self._show(await self._turnout.run_text(self._actor(), line))
            keep_going = True
        elif self._user in self._forms:
            await self._answer(line)
            keep_going = True
        elif line.isdecimal():
            await self._press(int(line))
            keep_going = True
        else:
            self._screen.say(
                f"{INDENT}Type a slash command like /phonebank list, a number to press a "
                "button, or :help."
            )
            keep_going = True
        await self._wakeups.deliver()
        self._prompt_if_filling()
        return keep_going

    async def _meta(self, line: str) -> bool:
        verb, _, rest = line.partition(" ")
        rest = rest.strip()
        match verb.lower():
            case ":quit" | ":q" | ":exit":
                return False
            case ":help":
                self._screen.say(META_HELP)
            case ":as" if rest:
                self._user = self._remember(rest)
                role = " (organizer)" if self._user in self._organizers else ""
                self._screen.say(f"{INDENT}You are now {self.user}{role}.")
            case ":arrive" if rest:
                who = self._remember(rest)
                self._screen.say(f"{INDENT}{self._names[who]} joined the team.")
                reply = await self._turnout.welcome(self._actor(who))
                # The welcome itself arrives as a DM; the reply matters only if it went wrong.
                if isinstance(reply, Message) and reply.error:
                    self._screen.show(reply, to=[])
            case ":advance" if rest:
                span = parse_duration(rest)
                if span is None or span.total_seconds() <= 0:
                    self._screen.say(
                        f"{INDENT}Write how far to move the clock, like 2h, 90m or 1d."
                    )
                    return True
                self._clock.advance(span)
                self._screen.say(
                    f"{INDENT}⏩ It's now {timefmt.when(self._clock.now(), self._zone)}."
                )
                await self._wakeups.sweep()
            case ":now":
                self._screen.say(f"{INDENT}It's {timefmt.when(self._clock.now(), self._zone)}.")
            case ":cancel":
                if self._forms.pop(self._user, None):
                    self._screen.say(f"{INDENT}Form cancelled; nothing was saved.")
            case _:
                self._screen.say(f"{INDENT}I don't know {verb!r} like that. Type :help.")
        return True

    async def _press(self, number: int) -> None:
        button = self._screen.choice(self._user, number)
        if button is None:
            self._screen.say(f"{INDENT}There's no button [{number}] on your latest message.")
            return
        self._screen.say(f"{INDENT}(pressed “{button.label}”)")
        await self._show(await self._turnout.press(self._actor(), button.action))

    async def _show(self, reply: Reply) -> None:
        if isinstance(reply, Form):
            self._forms[self._user] = _Filling(reply)
            self._screen.show(reply, to=[self._user])
            return
        self._screen.show(reply, to=[self._user])

    async def _answer(self, line: str) -> None:
        filling = self._forms[self._user]
        current = filling.form.fields[len(filling.answers)]
        if isinstance(current, ChoiceField) and line == SKIP and not current.required:
            filling.answers[current.name] = () if current.multiple else ""
        elif isinstance(current, ChoiceField):
            picked = _pick(line, current)
            if picked is None:
                self._screen.say(
                    f"{INDENT}Answer with "
                    + (
                        "numbers separated by commas, like 1,3"
                        if current.multiple
                        else "one number"
                    )
                    + f" from 1 to {len(current.options)}."
                )
                return
            filling.answers[current.name] = picked if current.multiple else picked[0]
        else:
            initial = getattr(current, "initial", None)
            if line == KEEP and initial is not None and not isinstance(current, NumberField):
                filling.answers[current.name] = str(initial)
            else:
                filling.answers[current.name] = (
                    "" if line == SKIP and not current.required else line
                )
        if len(filling.answers) < len(filling.form.fields):
            return
        del self._forms[self._user]
        submission = FormSubmission(filling.form.form_id, dict(filling.answers))
        await self._show(await self._turnout.submit(self._actor(), submission))

    def _prompt_if_filling(self) -> None:
        filling = self._forms.get(self._user)
        if filling is None:
            return
        for line in question(filling.form.fields[len(filling.answers)]):
            self._screen.say(f"{INDENT}{line}")

    def _actor(self, who: str | None = None) -> Actor:
        user = who or self._user
        return Actor(
            identity=Identity(PLATFORM, TEAM, user),
            display_name=self._names[user],
            is_organizer=user in self._organizers,
            channel=CHANNEL,
            becoming_organizer=(
                "To be one here, start `turnout console` with "
                f"`--organizer {shlex.quote(self._names[user])}`."
            ),
        )

    def _remember(self, name: str) -> str:
        user = key(name)
        self._names.setdefault(user, name.strip())
        return user


def key(name: str) -> str:
    """Console people are known by their name, whatever its case."""
    return " ".join(name.split()).casefold()


def _pick(line: str, field: ChoiceField) -> tuple[str, ...] | None:
    parts = [p.strip() for p in line.replace(" ", ",").split(",") if p.strip()]
    if not parts or (len(parts) > 1 and not field.multiple):
        return None
    if not all(p.isdecimal() and 1 <= int(p) <= len(field.options) for p in parts):
        return None
    return tuple(dict.fromkeys(field.options[int(p) - 1].value for p in parts))


async def read_terminal(prompt: str) -> str | None:
    """A line typed at a prompt (with line editing), without blocking the event loop."""
    try:
        return await asyncio.get_running_loop().run_in_executor(None, input, prompt)
    except EOFError:
        print()  # end the prompt's line, as a shell does
        return None


async def read_pipe(prompt: str) -> str | None:
    """The next line of piped input; the prompt is echoed by the chat instead."""
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    return line or None
