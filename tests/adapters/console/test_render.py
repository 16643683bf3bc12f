"""How the console asks a form's questions."""

from adapters.console.render import question
from bot.ports.replies import Form
from tests.conftest import Harness


async def test_the_zip_question_says_e_g_once(harness: Harness) -> None:
    form = await harness.bot.turnout.run_text(harness.actor("Maria"), "/volunteer profile")
    assert isinstance(form, Form)
    asked = "\n".join(line for field in form.fields for line in question(field))

    assert "Your ZIP code or county (e.g. 53703 or Dane County)" in asked
    assert "e.g. e.g." not in asked
