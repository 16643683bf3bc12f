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
