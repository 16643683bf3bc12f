"""Every command a refusal (or any message) shows is one a person can type as it stands.

Each catalogue entry's example is run, and spoiled word by word (a word replaced by nonsense,
the line cut short, a word too many), by a volunteer and by an organizer, with the clock years
ahead of when the examples were written. In every refusal, a command in backticks is either
a usage as help shows it (placeholders and all) or a real command: the grammar reads it and it
holds no placeholder. Every date a refusal gives as an example is ahead of the clock, and typing
a refused command's example with a date in it does what it says.
"""

import re
from datetime import date, timedelta

from bot.catalogue import catalogue
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.kernel.intake.examples import SERIES_END, SHIFT_DAY, fill
from bot.ports.replies import Message
from tests.conftest import Harness
from tests.render import text_of

# The clock runs this far ahead of the harness's usual day: an example written on that day
# would long be in the past.
YEARS_LATER = timedelta(days=5 * 365 + 40)
COMMAND = re.compile(r"`(/[^`]*)`")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
PLACEHOLDERS = ("<", ">", "…")
# Unicode's noncharacters Turnout marks text with, other than the moments every adapter shows
# (bot/kernel/timefmt.py): none may reach a reader.
MARKS = re.compile("[\ufdd3-\ufdef]")
SYNTAXES = {entry.usage.syntax for entry in catalogue().entries}
PARSER = Actor(Identity("test", "T-test", "parser"), "Parser", is_organizer=True)


def spoiled(example: str) -> list[str]:
    """The example, and lines that each get one thing wrong."""
    words = example.split()
    lines = [example, f"{example} please", " ".join(words[:2]) + " zzz"]
    for i in range(2, len(words)):
        lines.append(" ".join(words[:i]))
        lines.append(" ".join([*words[:i], "zzz", *words[i + 1 :]]))
        lines.append(" ".join([*words[:i], "#999", *words[i + 1 :]]))
    return list(dict.fromkeys(lines))


def future_day(today: date, weeks: int) -> str:
    return (today + timedelta(weeks=weeks)).isoformat()


async def set_the_scene(harness: Harness, today: date) -> None:
    """Shifts #1 to #6, tasks #1 to #5, and Maria and Sam signed up."""
    for n in range(6):
        await harness.say(
            "Olivia", f'/phonebank create "Calls {n}" {future_day(today, 1 + n)} 18:00 2h 4'
        )
    for n in range(5):
        await harness.say("Olivia", f'/task post "Task {n}" slots 2')
    for name in ("Maria", "Sam"):
        await harness.say(name, "/phonebank join 3")
        await harness.say(name, "/task claim 5")


def check_commands(line: str, text: str) -> list[str]:
    """What is wrong with the commands `text`, said after `line`, shows (nothing: [])."""
    wrong = [f"{line!r} left marks in {text!r}"] if MARKS.search(text) else []
    for shown in COMMAND.findall(text):
        if shown in SYNTAXES:
            continue
        if any(mark in shown for mark in PLACEHOLDERS):
            wrong.append(f"{line!r} was answered with the placeholder in `{shown}`")
            continue
        try:
            catalogue().grammar.parse(PARSER, shown)
        except Exception as error:
            wrong.append(f"{line!r} was answered with `{shown}`, which can't be typed: {error}")
    return wrong


def check_refusal(line: str, text: str, today: date) -> list[str]:
    """What is wrong with the refusal `text` to `line` (nothing: an empty list)."""
    wrong = check_commands(line, text)
    for found in ISO_DATE.finditer(text):
        if found.group() in line:
            continue  # an echo of what was typed
        shown_day = date(*map(int, found.groups()))
        if not today < shown_day <= today + timedelta(days=365):
            wrong.append(f"{line!r} was answered with the example date {found.group()}")
    return wrong


async def test_every_command_a_refusal_shows_can_be_typed_as_it_stands(
    harness: Harness,
) -> None:
    harness.clock.advance(YEARS_LATER)
    today = harness.clock.now().date()
    await set_the_scene(harness, today)
    wrong: list[str] = []
    dated: set[str] = set()
    for entry in catalogue().entries:
        for line in spoiled(entry.usage.example_on(today)):
            for who in ("Maria", "Olivia"):
                harness.messenger.clear()
                reply = await harness.reply(who, line)
                await harness.deliver()
                # What anyone was told because of it shows only commands that can be typed.
                for told in [reply, *(sent.reply for sent in harness.messenger.sent)]:
                    if isinstance(told, Message) and not told.error:
                        wrong += check_commands(line, told.text)
                if not isinstance(reply, Message) or not reply.error:
                    continue
                wrong += check_refusal(line, reply.text, today)
                dated.update(s for s in COMMAND.findall(reply.text) if ISO_DATE.search(s))
    assert wrong == [], "\n".join(wrong)
    # The examples with dates, typed as the refusals gave them, are accepted.
    assert dated, "some refusal teaches a command with a date"
    for example in sorted(dated):
        answer = text_of(await harness.reply("Olivia", example))
        assert "past" not in answer and "year away" not in answer, (example, answer)


def test_example_dates_are_ahead_of_any_day_and_near_enough_to_plan() -> None:
    start = date(2026, 1, 1)
    for offset in range(3 * 365):
        today = start + timedelta(days=offset)
        shift_day = date.fromisoformat(fill(SHIFT_DAY, today))
        series_end = date.fromisoformat(fill(SERIES_END, today))
        assert shift_day.weekday() == 5, "the example shift is “Saturday calls”"
        assert timedelta(days=8) <= shift_day - today <= timedelta(days=14), today
        assert shift_day < series_end <= today + timedelta(days=365), today
