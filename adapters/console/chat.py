"""The console's conversation loop: slash commands, numbered buttons, forms and meta commands."""

import asyncio
import shlex
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from adapters.console import answers
from adapters.console.render import INDENT, KEEP, SKIP, question
from adapters.console.screen import Screen
from bot.app.clock import ManualClock
from bot.app.scheduler import Wakeups
from bot.app.turnout import Turnout
from bot.domain.campaign import Identity
from bot.domain.timing import parse_duration
from bot.kernel import timefmt
from bot.kernel.commands import Actor
from bot.kernel.i18n import N_, _, current_language, reading_in
from bot.ports.replies import Form, FormSubmission, Message, Reply

PLATFORM = "console"
TEAM = "console"
# Everyone types in one channel, where live posts (`/phonebank post`, `board`) go.
CHANNEL = "general"

# Reads one line after showing a prompt; None at the end of input.
Reader = Callable[[str], Awaitable[str | None]]

META_HELP = f"""\
Type slash commands as on Slack, e.g. /phonebank list, /phonebank join 1, /task list, /turnout help.
A number presses a button of the latest message you were shown: [1], [2] …
A form asks one question at a time: {SKIP} (or an empty line) skips one that may be left empty,
{KEEP} keeps the answer it shows; a refused answer is asked again on its own.
  :as NAME          switch who is typing
  :arrive NAME      a new member joins the team (starts the welcome flow)
  :advance 2h       let time pass (e.g. 90m, 1d): what falls due on the way is sent at its moment
  :now              show the console's clock, in the campaign's time zone
  :cancel           stop filling in a form
  :help             this help
  :quit             leave (Ctrl-D works too)"""


@dataclass(slots=True)
class _Filling:
    """A form a person is answering, one question per line."""

    form: Form
    answers: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    # The question being asked, by its place in the form.
    asking: int = 0
    # The form was refused for one answer: once it is given again, the form is sent again.
    fixing: bool = False


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
        locale: str = "",
    ) -> None:
        self._turnout = turnout
        self._wakeups = wakeups
        self._clock = clock
        self._screen = screen
        self._organizers = {key(o) for o in organizers}
        self._names = names
        self._campaign_name = campaign_name
        self._forms: dict[str, _Filling] = {}
        # The terminal's language (`--lang`): everyone typing here reads it unless they chose.
        self._locale = locale
        self._user = self._remember(user)

    @property
    def user(self) -> str:
        return self._names[self._user]

    def organizer_keys(self) -> list[str]:
        return sorted(self._organizers)

    async def zone(self) -> ZoneInfo:
        """The campaign's time zone, which the console's clock reads in."""
        return await self._turnout.campaign_zone(PLATFORM, TEAM)

    async def set_clock(self, local: datetime) -> None:
        """Start the clock at `local` (no zone given), read in the campaign's zone."""
        self._clock.move_to(local.replace(tzinfo=await self.zone()))

    async def run(self, read: Reader, *, echo: bool) -> None:
        """Read lines until `:quit` or end of input; `echo` prints them (for piped sessions)."""
        with reading_in(await self._language()):
            self._screen.say(
                _("Turnout console: {name}. Type :help for help.", name=self._campaign_name)
            )
        await self._prompt_if_filling()
        while (raw := await read(f"{self.user}> ")) is not None:
            line = raw.strip()
            if echo:
                self._screen.say(f"{self.user}> {line}")
            if not await self.handle_line(line):
                break

    async def handle_line(self, line: str) -> bool:
        """Act on one line; False means the person asked to quit. The console's own words are
        in the language of the person typing, as the core's answers are."""
        if line.startswith("/") or line.lower().startswith(":as "):
            # The core answers in their language, and `:as` speaks in the language of whom
            # it switches to: looked up here only if the console speaks for the one typing,
            # so a command costs what it costs.
            return await self._handle(line)
        with reading_in(await self._language()):
            return await self._handle(line)

    async def _language(self) -> str:
        """The language of the person typing now."""
        return await self._turnout.language_of(await self._actor())

    async def _handle(self, line: str) -> bool:
        filling = self._forms.get(self._user)
        if not line and filling is None:
            return True
        if line.startswith(":"):
            keep_going = await self._meta(line)
        elif line.startswith("/"):
            if self._forms.pop(self._user, None):
                with reading_in(await self._language()):
                    aside = _("(form put aside; press its button again to restart)")
                self._screen.say(INDENT + aside)
            await self._show(await self._turnout.run_text(await self._actor(), line))
            keep_going = True
        elif filling is not None:
            # An empty line is an answer too: the one a form box left empty gives.
            await self._answer(filling, line)
            keep_going = True
        elif line.isdecimal():
            await self._press(int(line))
            keep_going = True
        else:
            self._screen.say(
                INDENT
                + _(
                    "Type a slash command like /phonebank list, a number to press a button, "
                    "or :help."
                )
            )
            keep_going = True
        # Only when a line queued something or the clock has reached the next due notice: a
        # line that did neither costs what its command costs, not a dispatcher pass as well.
        await self._wakeups.deliver_if_due()
        await self._prompt_if_filling()
        return keep_going

    async def _meta(self, line: str) -> bool:
        verb, _space, rest = line.partition(" ")
        rest = rest.strip()
        match verb.lower():
            case ":quit" | ":q" | ":exit":
                return False
            case ":help":
                self._screen.say(META_HELP)
            case ":as" if rest:
                self._user = self._remember(rest)
                # Said in the language of who types from now on.
                with reading_in(await self._language()):
                    if await self._is_organizer(self._user):
                        now = _("You are now {name} (organizer).", name=self.user)
                    else:
                        now = _("You are now {name}.", name=self.user)
                self._screen.say(INDENT + now)
            case ":arrive" if rest:
                who = self._remember(rest)
                self._screen.say(INDENT + _("{name} joined the team.", name=self._names[who]))
                reply = await self._turnout.welcome(await self._actor(who))
                # The welcome itself arrives as a DM; the reply matters only if it went wrong.
                if isinstance(reply, Message) and reply.error:
                    self._screen.show(reply, to=[])
            case ":advance" if rest:
                span = parse_duration(rest)
                if span is None or span.total_seconds() <= 0:
                    self._screen.say(
                        INDENT + _("Write how far to move the clock, like 2h, 90m or 1d.")
                    )
                    return True
                await self._advance(span)
            case ":now":
                moment = timefmt.when(self._clock.now(), await self.zone())
                self._screen.say(INDENT + _("It's {moment}.", moment=moment))
            case ":cancel":
                if self._forms.pop(self._user, None):
                    self._screen.say(INDENT + _("Form cancelled; nothing was saved."))
            case _:
                self._screen.say(
                    INDENT + _("I don't know {verb} like that. Type :help.", verb=repr(verb))
                )
        return True

    async def _advance(self, span: timedelta) -> None:
        """Time passes: each message that falls due on the way shows under its moment."""
        zone = await self.zone()

        # The clock stops while notices are sent, each in its recipient's language: the
        # moments are said in the language of who moved it.
        language = current_language()

        def now(moment: datetime) -> str:
            with reading_in(language):
                return INDENT + _("⏩ It's now {moment}.", moment=timefmt.when(moment, zone))

        started = now(self._clock.now())

        def stopped(moment: datetime) -> None:
            # What is still due in the minute it started at needs no moment of its own.
            if now(moment) != started:
                self._screen.stamp(now(moment))

        await self._wakeups.pass_time(self._clock, span, stopped=stopped)
        self._screen.settle(now(self._clock.now()))

    async def _press(self, number: int) -> None:
        offered = self._screen.buttons(self._user)
        if not offered:
            self._screen.say(
                INDENT
                + _(
                    "Your latest message has no buttons; type a slash command instead, "
                    "like /phonebank list."
                )
            )
            return
        if not 1 <= number <= len(offered):
            if len(offered) == 1:
                wrong = _(
                    "There's no button [{number}] on your latest message; type [1].",
                    number=number,
                )
            else:
                wrong = _(
                    "There's no button [{number}] on your latest message; type [1] to [{last}].",
                    number=number,
                    last=len(offered),
                )
            self._screen.say(INDENT + wrong)
            return
        button = offered[number - 1]
        self._screen.say(INDENT + _("(pressed “{label}”)", label=button.label))
        await self._show(await self._turnout.press(await self._actor(), button.action))

    async def _show(self, reply: Reply) -> None:
        if isinstance(reply, Form):
            self._forms[self._user] = _Filling(reply)
            self._screen.show(reply, to=[self._user])
            return
        self._screen.show(reply, to=[self._user])

    async def _answer(self, filling: _Filling, line: str) -> None:
        fields = filling.form.fields
        current = fields[filling.asking]
        answer = answers.read(current, line)
        if isinstance(answer, answers.Refused):
            # Said, then the same question again (below, as every line ends).
            self._screen.say(f"{INDENT}{answer.sentence}")
            return
        filling.answers[current.name] = answer
        filling.asking = len(fields) if filling.fixing else filling.asking + 1
        if filling.asking < len(fields):
            return
        submission = FormSubmission(filling.form.form_id, dict(filling.answers))
        reply = await self._turnout.submit(await self._actor(), submission)
        at_fault = _question_at_fault(filling.form, reply)
        if at_fault is None:
            del self._forms[self._user]
            await self._show(reply)
            return
        # Refused for one answer: that question alone is asked again, the rest are kept.
        self._screen.show(reply, to=[self._user])
        filling.asking, filling.fixing = at_fault, True

    async def _prompt_if_filling(self) -> None:
        filling = self._forms.get(self._user)
        if filling is None:
            return
        with reading_in(await self._language()):
            asked = question(filling.form.fields[filling.asking])
        for line in asked:
            self._screen.say(f"{INDENT}{line}")

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        """Who a console person is now (the desk asks, as recovery asks a platform)."""
        user = identity.user_external_id
        if identity.platform != PLATFORM or user not in self._names:
            return None
        return await self._actor(user)

    async def _is_organizer(self, user: str) -> bool:
        """Started as one (`--organizer`), or named by an organizer (`/turnout organizers`)."""
        if user in self._organizers:
            return True
        return (await self._turnout.organizers.named(PLATFORM, TEAM)).names(user)

    async def _actor(self, who: str | None = None) -> Actor:
        user = who or self._user
        return Actor(
            identity=Identity(PLATFORM, TEAM, user),
            display_name=self._names[user],
            is_organizer=await self._is_organizer(user),
            channel=CHANNEL,
            locale=self._locale,
            becoming_organizer=(
                "To be one here, start `turnout console` with "
                f"`--organizer {shlex.quote(self._names[user])}`."
            ),
            organizer_rule=N_(
                "Here the people `turnout console` was started with as organizers "
                "(`--organizer`) are organizers, and so is everyone named in this list."
            ),
        )

    def _remember(self, name: str) -> str:
        user = key(name)
        self._names.setdefault(user, name.strip())
        return user


def key(name: str) -> str:
    """Console people are known by their name, whatever its case."""
    return " ".join(name.split()).casefold()


def _question_at_fault(form: Form, reply: Reply) -> int | None:
    """Where in `form` the question is that a refusal names; None if it names none."""
    if not isinstance(reply, Message) or not reply.error or not reply.about:
        return None
    names = [f.name for f in form.fields]
    return names.index(reply.about) if reply.about in names else None


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
