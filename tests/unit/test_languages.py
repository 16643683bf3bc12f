"""Whose language a sentence is written in: the volunteer's choice, else their platform's, else
the campaign's; organizers keep English unless they chose; forget-me forgets the language."""

from dataclasses import replace

from bot.kernel.i18n import language_of
from tests.conftest import Harness

SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2'


def test_a_platform_locale_names_an_offered_language_or_none() -> None:
    assert language_of("es-419") == language_of("es-ES") == language_of("es_LA") == "es"
    assert language_of("en-US") == "en"
    assert language_of("pt-BR") == language_of("") == language_of(None) == ""


async def test_a_volunteer_reads_the_language_they_chose(harness: Harness) -> None:
    assert "desde ahora te escribo en español" in await harness.say(
        "Maria", "/volunteer language es"
    )
    assert "No hay tareas abiertas" in await harness.say("Maria", "/task list")
    # A line that can't be read is refused in her language too, and changes nothing.
    refused = await harness.say("Maria", "/volunteer language klingon")
    assert refused == "No ofrezco `klingon`; escribe uno de estos: `en`, `es`, `auto`."
    assert "No existe el turno #7" in await harness.say("Maria", "/phonebank join 7")
    assert "OK, I'll write to you in English" in await harness.say(
        "Maria", "/volunteer language en"
    )
    assert "No open tasks" in await harness.say("Maria", "/task list")


async def test_auto_follows_the_platform_then_the_campaign(harness: Harness) -> None:
    said = await harness.bot.turnout.run_text(
        replace(harness.actor("Maria"), locale="es-419"), "/volunteer reminders 24h"
    )
    assert "Listo, te recordaré 24h antes de cada turno" in str(said)
    # Her platform said Spanish once: it is remembered for what is sent to her later.
    assert "No hay tareas abiertas" in await harness.say("Maria", "/task list")
    assert "idioma de tu plataforma" in await harness.say("Maria", "/volunteer language auto")
    # The campaign's language is for everyone whose own isn't known; organizers keep English.
    assert "Only organizers" in await harness.say("Sam", "/turnout language es")
    assert "Channel posts are now written in Spanish" in await harness.say(
        "Olivia", "/turnout language es"
    )
    assert "No hay tareas abiertas" in await harness.say("Sam", "/task list")
    assert "No open tasks" in await harness.say("Olivia", "/task list")


async def test_a_notice_is_written_in_its_recipients_language_when_sent(harness: Harness) -> None:
    await harness.say("Olivia", SATURDAY)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Maria", "/volunteer language es")
    harness.messenger.clear()

    await harness.say("Olivia", "/phonebank cancel 1")

    told = " ".join(str(sent) for sent in harness.messenger.sent)
    assert "Lo siento: el equipo organizador canceló “Saturday calls”" in told


async def test_forget_me_forgets_the_language(harness: Harness) -> None:
    await harness.say("Maria", "/volunteer language es")
    await harness.say("Maria", "/volunteer forget-me confirm")
    async with harness.storage.unit_of_work(write=False) as uow:
        found = await uow.volunteers.by_identity(harness.actor("Maria").identity)
    assert found is None or (found.language is None and found.platform_language is None)
