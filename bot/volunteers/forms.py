"""The welcome questions: what a newcomer would like to do, when they are free, and where."""

from bot.domain.errors import UserError
from bot.domain.text import clean_text
from bot.domain.volunteer import MAX_LOCATION, Availability, Interest, Profile
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake.forms import FormReader, Values, answering, text
from bot.ports.replies import ChoiceField, Form, Option, TextField
from bot.volunteers.commands import SaveProfile


def onboarding_form(name: str, current: Profile | None = None) -> Form:
    """The three welcome questions: interests, availability, ZIP or county."""
    intro = (
        _(
            "Hi {name}! Three quick questions so organizers can match you with the right work.",
            name=name,
        )
        if current is None
        else _("Update your answers below; the organizers will see the new ones.")
    )
    return Form(
        form_id=ONBOARDING.form_id,
        title=_("About you"),
        intro=intro,
        fields=(
            ChoiceField(
                name="interests",
                label=_("What would you like to help with?"),
                options=tuple(Option(i.value, _(i.label)) for i in Interest),
                multiple=True,
            ),
            ChoiceField(
                name="availability",
                label=_("When are you usually free?"),
                options=tuple(Option(a.value, _(a.label)) for a in Availability),
            ),
            TextField(
                name="location",
                label=_("Your ZIP code or county"),
                placeholder=_("53703 or Dane County"),
                max_length=MAX_LOCATION,
                required=False,
            ),
        ),
        submit_label=_("Save"),
    )


def _read(actor: Actor, _key: str, values: Values) -> Command:
    chosen = values.get("interests", ())
    chosen = (chosen,) if isinstance(chosen, str) else chosen
    try:
        interests = tuple(dict.fromkeys(Interest(v) for v in chosen))
        availability = Availability(str(values.get("availability", "")))
    except ValueError:
        raise UserError(
            _(
                "One of those answers isn't an option I know; type `/volunteer "
                "profile` to try again."
            )
        ) from None
    if not interests:
        raise UserError(_("Pick at least one thing you'd like to help with."), about="interests")
    location = text(values, "location", _("your ZIP code or county"), required=False)
    with answering("location"):
        # Skipped (left empty) is no answer, stored as none.
        where = clean_text(location, what=LOCATION, limit=MAX_LOCATION) if location else None
    return SaveProfile(actor, interests=interests, availability=availability, location=where)


LOCATION = "ZIP code or county"
ONBOARDING = FormReader("onboarding", SaveProfile, _read)
