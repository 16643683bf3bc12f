"""How the console asks a form's questions."""

from adapters.console.render import question
from bot.ports.replies import Form
from tests.adapters.console.conftest import SATURDAY_CALLS, Console
from tests.conftest import Harness


async def test_the_zip_question_says_e_g_once(harness: Harness) -> None:
    form = await harness.bot.turnout.run_text(harness.actor("Maria"), "/volunteer profile")
    assert isinstance(form, Form)
    asked = "\n".join(line for field in form.fields for line in question(field))

    assert "Your ZIP code or county (e.g. 53703 or Dane County; - to skip)" in asked
    assert "e.g. e.g." not in asked


async def test_the_roster_s_changes_are_indented_under_their_heading(console: Console) -> None:
    await console.type(SATURDAY_CALLS, ":arrive Maria", ":as Olivia")
    await console.type("/phonebank add 1 Maria", "/phonebank add 1 Olivia")
    await console.type("/phonebank remove 1 Maria")

    roster = (await console.type("/phonebank roster 1")).splitlines()

    heading = roster.index("  Changed by organizers:")
    assert roster[heading + 1].startswith("    Maria added by Olivia, Mon Nov 23")
    assert roster[heading + 2].startswith("    Olivia added by Olivia, Mon Nov 23")
    assert roster[heading + 3].startswith("    Maria removed by Olivia, Mon Nov 23")


async def test_a_question_whose_words_carry_an_aside_is_asked_in_one_pair_of_brackets(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Calls" 2026-11-07 18:00 2h 3')
    created = await harness.bot.turnout.run_text(harness.actor("Olivia"), "/phonebank create")
    edited = await harness.bot.turnout.run_text(harness.actor("Olivia"), "/phonebank edit 1")
    assert isinstance(created, Form) and isinstance(edited, Form)
    asked = [line for f in (*created.fields, *edited.fields) for line in question(f)]

    assert (
        "Ends: a last date or a number of times (e.g. YYYY-MM-DD or 8 times; empty: no end; "
        "- to skip)"
    ) in asked
    assert "Call script or dialer link (empty: none; - to skip)" in asked
    assert not [line for line in asked if ") (" in line or "((" in line or "))" in line]
