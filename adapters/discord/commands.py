"""The slash commands: `/phonebank`, `/task`, `/volunteer` and `/turnout` as command groups.

Options are typed (numbers are numbers, shift and task numbers autocomplete with titles and
times), descriptions come from the help table so the two never drift, and each subcommand
builds the core's command directly; free text (dates, times, zones, reminder times) is read by
the same parsers as everywhere else.
"""

import functools
import zoneinfo
from datetime import timedelta
from typing import Literal

import discord
from discord import app_commands

from adapters.discord.desk import Desk
from bot import commands, forms
from bot import typed_values as typed
from bot.choices import Pick
from bot.commands import Actor, Command
from bot.domain.phonebank import MAX_CAPACITY, MAX_LINK
from bot.domain.task import MAX_SLOTS
from bot.domain.text import clean_text
from bot.domain.timing import DEFAULT_REMINDER_OFFSETS
from bot.help import USAGES
from bot.replies import FormSubmission

Number = app_commands.Range[int, 1, typed.MAX_NUMBER]
Choices = list[app_commands.Choice[int]]
Interaction = discord.Interaction

SHIFT = "The shift's number; start typing its number or title"
TASK = "The task's number; start typing its number or title"
REMINDER_TIMES = "Hours or minutes before a shift, like 24h,1h; or off, or default"
ZONE = "An Area/City time zone, like America/Chicago"


def about(command: str, subcommand: str) -> str:
    """A subcommand's description: its help summary, marked when it is for organizers."""
    usage = USAGES[command][subcommand]
    text = usage.summary[:1].upper() + usage.summary[1:]
    return (text + " (organizers)" if usage.organizer else text)[:100]


class _Group(app_commands.Group):
    def __init__(self, desk: Desk) -> None:
        # Commands act for one server; in DMs, the buttons on Turnout's messages do.
        super().__init__(
            guild_only=True,
            allowed_contexts=app_commands.AppCommandContext(guild=True),
            allowed_installs=app_commands.AppInstallationType(guild=True),
        )
        self.desk = desk

    async def choose(self, interaction: Interaction, pick: Pick, typed_so_far: str) -> Choices:
        return await self.desk.choices(interaction, pick, typed_so_far)


class PhoneBank(_Group, name="phonebank", description="Phone bank shifts"):
    @app_commands.command(name="list", description=about("phonebank", "list"))
    @app_commands.describe(page="Which page of upcoming shifts (10 to a page)")
    async def list_shifts(
        self, interaction: Interaction, page: app_commands.Range[int, 1, 1000] = 1
    ) -> None:
        await self.desk.command(interaction, lambda a: commands.ListShifts(a, page=page))

    @app_commands.command(name="join", description=about("phonebank", "join"))
    @app_commands.describe(shift=SHIFT)
    async def join(self, interaction: Interaction, shift: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.JoinShift(a, shift=shift))

    @app_commands.command(name="leave", description=about("phonebank", "leave"))
    @app_commands.describe(shift=SHIFT)
    async def leave(self, interaction: Interaction, shift: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.LeaveShift(a, shift=shift))

    @app_commands.command(name="mine", description=about("phonebank", "mine"))
    async def mine(self, interaction: Interaction) -> None:
        await self.desk.command(interaction, commands.MyShifts)

    @app_commands.command(name="create", description=about("phonebank", "create"))
    @app_commands.describe(
        title="What volunteers will see, like Saturday calls (leave everything empty for a form)",
        date="The day, YYYY-MM-DD, like 2026-11-28",
        start="Start time in the campaign's zone: 18:00 or 6pm",
        length="How long: 2h, 90m or 1h30m",
        seats="How many volunteers can join",
        link="The dialer or call script link (optional)",
    )
    async def create(
        self,
        interaction: Interaction,
        title: app_commands.Range[str, 1, 100] | None = None,
        date: app_commands.Range[str, 1, 20] | None = None,
        start: app_commands.Range[str, 1, 20] | None = None,
        length: app_commands.Range[str, 1, 20] | None = None,
        seats: app_commands.Range[int, 1, MAX_CAPACITY] | None = None,
        link: app_commands.Range[str, 1, MAX_LINK] | None = None,
    ) -> None:
        answers = {"title": title, "day": date, "start": start, "duration": length}
        answers |= {"capacity": None if seats is None else str(seats), "link": link}
        await self.desk.command(
            interaction, functools.partial(_from_options, forms.SHIFT, answers), public=True
        )

    @app_commands.command(name="roster", description=about("phonebank", "roster"))
    @app_commands.describe(shift=SHIFT)
    async def roster(self, interaction: Interaction, shift: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.ShowRoster(a, shift=shift))

    @app_commands.command(name="cancel", description=about("phonebank", "cancel"))
    @app_commands.describe(shift=SHIFT)
    async def cancel(self, interaction: Interaction, shift: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.CancelShift(a, shift=shift))

    @app_commands.command(name="announce", description=about("phonebank", "announce"))
    @app_commands.describe(shift=SHIFT, message="What to tell everyone confirmed")
    async def announce(
        self,
        interaction: Interaction,
        shift: Number,
        message: app_commands.Range[str, 1, 1500],
    ) -> None:
        def build(actor: Actor) -> Command:
            text = clean_text(message, what="announcement", limit=1500, multiline=True)
            return commands.Announce(actor, shift=shift, message=text)

        await self.desk.command(interaction, build)

    @join.autocomplete("shift")
    @roster.autocomplete("shift")
    @cancel.autocomplete("shift")
    @announce.autocomplete("shift")
    async def upcoming(self, interaction: Interaction, current: str) -> Choices:
        return await self.choose(interaction, Pick.UPCOMING_SHIFTS, current)

    @leave.autocomplete("shift")
    async def signed_up(self, interaction: Interaction, current: str) -> Choices:
        return await self.choose(interaction, Pick.MY_SHIFTS, current)


class Tasks(_Group, name="task", description="Tasks that need doing"):
    @app_commands.command(name="post", description=about("task", "post"))
    @app_commands.describe(
        title="What needs doing, like Drop off flyers (leave everything empty for a form)",
        due="Due date, YYYY-MM-DD (optional)",
        slots="How many people can claim it (default 1)",
        description="Details volunteers need (optional)",
    )
    async def post(
        self,
        interaction: Interaction,
        title: app_commands.Range[str, 1, 100] | None = None,
        due: app_commands.Range[str, 1, 20] | None = None,
        slots: app_commands.Range[int, 1, MAX_SLOTS] | None = None,
        description: app_commands.Range[str, 1, 1000] | None = None,
    ) -> None:
        answers = {"title": title, "due": due, "description": description}
        answers["slots"] = None if slots is None else str(slots)
        if title is not None and slots is None:
            answers["slots"] = "1"
        await self.desk.command(
            interaction, functools.partial(_from_options, forms.TASK, answers), public=True
        )

    @app_commands.command(name="list", description=about("task", "list"))
    async def list_tasks(self, interaction: Interaction) -> None:
        await self.desk.command(interaction, commands.ListTasks)

    @app_commands.command(name="claim", description=about("task", "claim"))
    @app_commands.describe(task=TASK)
    async def claim(self, interaction: Interaction, task: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.ClaimTask(a, task=task))

    @app_commands.command(name="done", description=about("task", "done"))
    @app_commands.describe(task=TASK)
    async def done(self, interaction: Interaction, task: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.FinishTask(a, task=task))

    @app_commands.command(name="release", description=about("task", "release"))
    @app_commands.describe(task=TASK)
    async def release(self, interaction: Interaction, task: Number) -> None:
        await self.desk.command(interaction, lambda a: commands.ReleaseTask(a, task=task))

    @claim.autocomplete("task")
    async def open_tasks(self, interaction: Interaction, current: str) -> Choices:
        return await self.choose(interaction, Pick.OPEN_TASKS, current)

    @done.autocomplete("task")
    @release.autocomplete("task")
    async def my_tasks(self, interaction: Interaction, current: str) -> Choices:
        return await self.choose(interaction, Pick.MY_TASKS, current)


class Volunteer(_Group, name="volunteer", description="You and your settings"):
    @app_commands.command(name="profile", description=about("volunteer", "profile"))
    async def profile(self, interaction: Interaction) -> None:
        await self.desk.command(interaction, commands.StartProfile)

    @app_commands.command(name="tz", description=about("volunteer", "tz"))
    @app_commands.describe(zone=ZONE)
    async def tz(self, interaction: Interaction, zone: app_commands.Range[str, 1, 64]) -> None:
        await self.desk.command(
            interaction, lambda a: commands.SetMyTimezone(a, zone=_zone("volunteer", zone))
        )

    @app_commands.command(name="reminders", description=about("volunteer", "reminders"))
    @app_commands.describe(times=REMINDER_TIMES)
    async def reminders(
        self, interaction: Interaction, times: app_commands.Range[str, 1, 100]
    ) -> None:
        await self.desk.command(
            interaction,
            lambda a: commands.SetMyReminders(a, offsets=_offsets("volunteer", times)),
        )

    @app_commands.command(name="new", description=about("volunteer", "new"))
    async def new(self, interaction: Interaction) -> None:
        await self.desk.command(interaction, commands.ListNewVolunteers)

    @app_commands.command(name="contacted", description=about("volunteer", "contacted"))
    @app_commands.describe(who="Their name or number, like #12")
    async def contacted(
        self, interaction: Interaction, who: app_commands.Range[str, 1, 100]
    ) -> None:
        await self.desk.command(
            interaction,
            lambda a: commands.MarkContacted(a, who=clean_text(who, what="name", limit=100)),
        )

    @app_commands.command(name="forget-me", description=about("volunteer", "forget-me"))
    @app_commands.describe(confirm="True to erase now; leave it out to be asked first")
    async def forget_me(self, interaction: Interaction, confirm: bool = False) -> None:
        await self.desk.command(interaction, lambda a: commands.ForgetMe(a, confirmed=confirm))

    @tz.autocomplete("zone")
    async def zones(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _zone_choices(current)


class Campaign(_Group, name="turnout", description="Campaign settings and help"):
    @app_commands.command(name="tz", description=about("turnout", "tz"))
    @app_commands.describe(zone=ZONE)
    async def tz(self, interaction: Interaction, zone: app_commands.Range[str, 1, 64]) -> None:
        await self.desk.command(
            interaction,
            lambda a: commands.SetCampaignTimezone(a, zone=_zone("turnout", zone)),
        )

    @app_commands.command(name="reminders", description=about("turnout", "reminders"))
    @app_commands.describe(times=REMINDER_TIMES)
    async def reminders(
        self, interaction: Interaction, times: app_commands.Range[str, 1, 100]
    ) -> None:
        def build(actor: Actor) -> Command:
            offsets = _offsets("turnout", times)
            # A campaign always has reminder times; `default` puts back Turnout's own.
            return commands.SetCampaignReminders(
                actor, offsets=DEFAULT_REMINDER_OFFSETS if offsets is None else offsets
            )

        await self.desk.command(interaction, build)

    @app_commands.command(name="help", description=about("turnout", "help"))
    @app_commands.describe(topic="Help on one command group")
    async def help(
        self,
        interaction: Interaction,
        topic: Literal["phonebank", "task", "volunteer", "turnout"] | None = None,
    ) -> None:
        await self.desk.command(interaction, lambda a: commands.ShowHelp(a, topic=topic or ""))

    @tz.autocomplete("zone")
    async def zones(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        return _zone_choices(current)


def groups(desk: Desk) -> list[app_commands.Group]:
    return [PhoneBank(desk), Tasks(desk), Volunteer(desk), Campaign(desk)]


def _from_options(form_id: str, options: dict[str, str | None], actor: Actor) -> Command:
    """`/phonebank create` and `/task post`: all options empty opens the form; otherwise the
    options are read exactly as the form's answers would be."""
    if all(value is None for value in options.values()):
        start = commands.StartShiftForm if form_id == forms.SHIFT else commands.StartTaskForm
        return start(actor)
    values: dict[str, str | tuple[str, ...]] = {k: v or "" for k, v in options.items()}
    return forms.command_for_submission(actor, FormSubmission(form_id, values))


def _zone(command: str, text: str) -> str:
    return typed.zone(typed.Words(text, USAGES[command]["tz"]))


def _offsets(command: str, text: str) -> tuple[timedelta, ...] | None:
    return typed.reminder_offsets(typed.Words(text, USAGES[command]["reminders"]))


@functools.cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(z for z in zoneinfo.available_timezones() if "/" in z))


def _zone_choices(current: str) -> list[app_commands.Choice[str]]:
    wanted = "_".join(current.split()).casefold()
    found = [z for z in _zone_names() if wanted in z.casefold()][:25]
    return [app_commands.Choice(name=z, value=z) for z in found]
