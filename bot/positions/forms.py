"""The forms behind the positions' buttons: a qualification a position requires, and the one a
training grants. Their answers become the same commands as typed `require` and `grants`."""

from bot.domain.phonebank import Shift
from bot.domain.positions import MAX_QUALIFICATION, Position
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake.forms import FormReader, Values, number_key, text
from bot.ports.replies import ChoiceField, Form, Option, TextField
from bot.positions.commands import GrantOnAttending, RequireQualification


def _qualification(label: str) -> TextField:
    return TextField(
        "qualification",
        label,
        placeholder=_("canvass lead"),
        max_length=MAX_QUALIFICATION,
    )


def require_form(shift: Shift, positions: list[Position]) -> Form:
    """The Require a qualification button: which position, and what it needs."""
    return Form(
        form_id=REQUIRE.id_for(shift.number),
        title=_("Require a qualification"),
        intro=_(
            "#{number} “{title}”: seats in the position you pick will need the qualification; "
            "anyone already in one keeps it.",
            number=shift.number,
            title=shift.title,
        ),
        fields=(
            ChoiceField(
                "position",
                _("Position"),
                tuple(Option(p.name, p.name) for p in positions),
            ),
            _qualification(_("Qualification it needs")),
        ),
        submit_label=_("Require it"),
    )


def grants_form(shift: Shift) -> Form:
    """The Make it a training button: the qualification its attendees earn."""
    return Form(
        form_id=GRANTS.id_for(shift.number),
        title=_("Make it a training"),
        intro=_(
            "Everyone who attends #{number} “{title}” will be qualified as what you type here.",
            number=shift.number,
            title=shift.title,
        ),
        fields=(_qualification(_("Qualification it grants")),),
        submit_label=_("Make it a training"),
    )


def _read_require(actor: Actor, key: str, values: Values) -> Command:
    number = number_key(key, _("press Require a qualification again."))
    return RequireQualification(
        actor,
        shift=number,
        position=text(values, "position", _("the position")),
        qualification=text(values, "qualification", _("the qualification")),
    )


def _read_grants(actor: Actor, key: str, values: Values) -> Command:
    number = number_key(key, _("press Make it a training again."))
    return GrantOnAttending(
        actor, shift=number, qualification=text(values, "qualification", _("the qualification"))
    )


REQUIRE = FormReader("require:", RequireQualification, _read_require)
GRANTS = FormReader("grants:", GrantOnAttending, _read_grants)
