"""The Spanish-speaking caller (journey 7): everything she reads is Spanish, dates included,
while the organizer keeps English; a form half filled keeps working when the language changes."""

import re

from tests.adapters.console.conftest import Console

SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat'
# English words that only an untranslated sentence would show her, the console's own included
# (its clock, what a number pressed, how to answer a question, who is typing).
_ENGLISH = re.compile(
    r"\b(You're|Thank you|Reminder|shift|seats?|waitlist|PM|Sat|Nov"
    r"|It's|pressed|skip|numbers?|You are)\b"
)


def english_in(text: str) -> list[str]:
    """English words in what the console showed her: what others read (the organizers'
    messages and channel posts, in the campaign's language; the console's words to whoever
    else is typing), what people typed, names, links and paths aside."""
    hers, others, typist = [], False, ""
    for line in text.splitlines():
        if line.strip().startswith("⏩"):
            # The clock, moved by whoever is typing, stops among the messages it delivers.
            if typist == "Lucía":
                hers.append(line)
            continue
        if not line.startswith(" "):
            typing, prompt, _typed = line.partition("> ")
            if prompt:
                typist = typing
                others = typing != "Lucía"
            elif line.startswith("✉ DM to "):
                others = line != "✉ DM to Lucía:"
            else:
                others = line.startswith(("# organizers", "✎"))
            continue
        if not others:
            hers.append(line)
    shown = re.sub(r"\S*/\S*", " ", "\n".join(hers)).replace("Saturday calls", "")
    return _ENGLISH.findall(shown)


async def test_a_caller_who_chose_spanish_reads_everything_in_spanish(console: Console) -> None:
    organizer = await console.type(SATURDAY)
    assert "Created #1" in organizer

    # Before she chooses, the console greets her in English, as everything else.
    assert "You are now Lucía." in await console.type(":as Lucía")
    chose = await console.type("/volunteer language es")
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
    assert "Ahora eres Lucía." in checked_in
    assert "🙌 Registraste tu llegada a #1 “Saturday calls”. ¡Gracias!" in checked_in
    debrief = await console.type(":advance 2h30m")
    assert "¿Cómo te fue?" in debrief
    assert "⏩ Ahora: sáb, 28 de nov, 8:15 p.m. EST." in debrief
    answered = await console.type("1", "30", "9", "-")
    assert "¡Gracias! Anoté 30 llamadas y 9 conversaciones" in answered
    assert "(pulsaste «" in answered and "un número del 0 al" in answered, answered
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
