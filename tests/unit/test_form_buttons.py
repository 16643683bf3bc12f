"""Every button that opens a form: the form never asks what the button already knew.

What the button names (a shift, a proposal) travels in the form's id, its hidden state on
every platform (Slack's callback and action ids, Discord's custom_id, the console's memory),
so it comes back with the answers without anyone typing it.
"""

from datetime import timedelta

from bot import catalogue
from bot.attendance.forms import DEBRIEF
from bot.kernel.intake.buttons import Numbered
from bot.ports.replies import Form
from tests.conftest import Harness
from tests.render import text_of
from tests.unit.test_attendance import TO_START, joined

# Past the end of shift #1, when "How did it go?" asks.
TO_DEBRIEF = TO_START + timedelta(hours=2, minutes=15)
PROPOSE = '/phonebank propose "Calls at mine" 2026-11-14 18:00 2h 4'


def form_buttons() -> dict[str, Numbered]:
    """The buttons that name one thing and open a form about it (the Start… commands)."""
    return {
        name: verb
        for name, verb in catalogue.catalogue().buttons.verbs.items()
        if isinstance(verb, Numbered) and verb.builds.__name__.startswith("Start")
    }


async def test_no_button_s_form_asks_for_what_the_button_names(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.say("Sam", PROPOSE)
    # A shift with positions (#2), whose requirement the Require a qualification button sets.
    await harness.say("Olivia", '/phonebank create "Doors" 2026-11-20 10:00 3h 2')
    await harness.say("Olivia", "/phonebank positions 2 lead:1 canvasser:1")
    # Who may press each, on what, and when: the repeat before the shift, the debrief after it.
    presses = {
        "repeat": ("Olivia", 1),
        "decline": ("Olivia", 1),
        "grants": ("Olivia", 1),
        "require": ("Olivia", 2),
        "madeit": ("Maria", 1),
    }
    assert set(presses) == set(form_buttons()), "a new button opens a form: add it here"

    forms: dict[str, Form] = {}
    for name in ("repeat", "decline", "grants", "require"):
        who, number = presses[name]
        reply = await harness.bot.turnout.press(
            harness.actor(who), form_buttons()[name].action(number)
        )
        assert isinstance(reply, Form), text_of(reply)
        forms[name] = reply
    await harness.advance(TO_DEBRIEF)
    reply = await harness.bot.turnout.press(
        harness.actor("Maria"), form_buttons()["madeit"].action(1)
    )
    assert isinstance(reply, Form), text_of(reply)
    forms["madeit"] = reply

    for name, form in forms.items():
        asked = {field.name for field in form.fields}
        assert form_buttons()[name].fills not in asked, f"{name} asks for what it knew"
        number = presses[name][1]
        assert form.form_id.endswith(f":{number}"), f"{name}'s form forgot what it is about"


async def test_the_debrief_form_s_answers_reach_the_shift_its_button_named(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DEBRIEF)
    form = await harness.bot.turnout.press(harness.actor("Maria"), "turnout:madeit:1")
    assert isinstance(form, Form)

    thanks = await harness.submit("Maria", form.form_id, calls="30", conversations="9", notes="")

    assert form.form_id == DEBRIEF.id_for(1)
    assert [f.name for f in form.fields] == ["calls", "conversations", "notes"]
    assert "I've noted 30 calls and 9 conversations for #1" in text_of(thanks)
