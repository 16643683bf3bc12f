"""The Spanish-speaking caller (journey 7): everything she reads is Spanish, dates included,
while the organizer keeps English; a form half filled keeps working when the language changes."""

import re

from tests.adapters.console.conftest import Console

SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat'
# English words that only an untranslated sentence would show her.
_ENGLISH = re.compile(r"\b(You're|Thank you|Reminder|shift|seats?|waitlist|PM|Sat|Nov)\b")


# The console's own words (its clock, what a number pressed, how to answer a question) are the
# terminal's, not Turnout's sentences: they stay English.
_CONSOLE = re.compile(
    r"^\s*(⏩.*|\(pressed .*)$|\((a number|- to skip|numbers separated)[^)]*\)", re.M
)


def english_in(text: str) -> list[str]:
    """English words in what the console showed her: the organizers' messages and channel
    posts (the campaign's language), what people typed, names, links and paths aside."""
    hers, others = [], False
    for line in text.splitlines():
        if not line.startswith(" "):
            others = line.startswith(("# organizers", "✎"))
            continue
        if not others:
            hers.append(line)
    shown = _CONSOLE.sub(" ", "\n".join(hers))
    shown = re.sub(r"\S*/\S*", " ", shown).replace("Saturday calls", "")
    return _ENGLISH.findall(shown)


async def test_a_caller_who_chose_spanish_reads_everything_in_spanish(console: Console) -> None:
    organizer = await console.type(SATURDAY)
    assert "Created #1" in organizer

    chose = await console.type(":as Lucía", "/volunteer language es")
    assert "desde ahora te escribo en español" in chose

    listed = await console.type("/phonebank list")
    assert "sáb, 28 de nov, 6:00 p.m. EST" in listed
    joined = await console.type("/phonebank join 1")
    assert "¡Estás dentro! #1 “Saturday calls”" in joined
    assert "sáb, 28 de nov" in joined
    refused = await console.type("/phonebank join 9")
    assert "No existe el turno #9" in refused
    assert not english_in(chose + listed + joined + refused), chose + listed + joined + refused

    # The organizer keeps English, the campaign's and her own.
    roster = await console.type(":as Olivia", "/phonebank roster 1")
    assert "Lucía" in roster and "Sat Nov 28, 6:00 PM EST" in roster

    # The day before: her reminder, written in Spanish when it is sent.
    reminded = await console.type(":advance 4d9h")
    assert "⏰ Recordatorio: “Saturday calls” (#1) empieza" in reminded

    # At the shift: she checks in, then reports how it went.
    checked_in = await console.type(":advance 23h45m", ":as Lucía", "/phonebank checkin 1")
    assert "🙌 Registraste tu llegada a #1 “Saturday calls”. ¡Gracias!" in checked_in
    debrief = await console.type(":advance 2h30m")
    assert "¿Cómo te fue?" in debrief
    answered = await console.type("1", "30", "9", "-")
    assert "¡Gracias! Anoté 30 llamadas y 9 conversaciones" in answered
    assert not english_in(reminded + checked_in + debrief + answered), answered


async def test_a_form_half_filled_keeps_working_when_the_language_changes(
    console: Console,
) -> None:
    opened = await console.type(":as Jamal", "/volunteer profile")
    assert "What would you like to help with?" in opened
    await console.type("1,3")
    # Meanwhile the organizers make Spanish the campaign's language; Jamal chose none.
    told = await console.type(":as Olivia", "/turnout language es")
    assert "Channel posts are now written in Spanish" in told
    finished = await console.type(":as Jamal", "3", "53703")
    assert "¡Gracias, Jamal!" in finished
    back = await console.type("/volunteer language en", "/volunteer profile")
    assert "OK, I'll write to you in English from now on." in back
    assert "What would you like to help with?" in back
