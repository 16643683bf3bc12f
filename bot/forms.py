"""Forms the core asks people to fill in, and how their answers become commands."""

from bot.commands import Actor, Command, SaveProfile
from bot.domain.errors import UserError
from bot.domain.volunteer import Availability, Interest, Profile
from bot.replies import ChoiceField, Form, FormSubmission, Option, TextField

ONBOARDING = "onboarding"


def onboarding_form(name: str, current: Profile | None = None) -> Form:
    """The three welcome questions: interests, availability, ZIP or county."""
    intro = (
        f"Hi {name}! Three quick questions so organizers can match you with the right work."
        if current is None
        else "Update your answers below; the organizers will see the new ones."
    )
    return Form(
        form_id=ONBOARDING,
        title="About you",
        intro=intro,
        fields=(
            ChoiceField(
                name="interests",
                label="What would you like to help with?",
                options=tuple(Option(i.value, i.label) for i in Interest),
                multiple=True,
            ),
            ChoiceField(
                name="availability",
                label="When are you usually free?",
                options=tuple(Option(a.value, a.label) for a in Availability),
            ),
            TextField(
                name="location",
                label="Your ZIP code or county",
                placeholder="e.g. 53703 or Dane County",
                max_length=60,
            ),
        ),
        submit_label="Save",
    )


def command_for_submission(actor: Actor, submission: FormSubmission) -> Command:
    """Turn a filled-in form into its command; unknown or malformed answers are UserErrors."""
    if submission.form_id != ONBOARDING:
        raise UserError("That form has expired; type `/volunteer profile` to start again.")
    values = submission.values
    chosen = values.get("interests", ())
    chosen = (chosen,) if isinstance(chosen, str) else chosen
    try:
        interests = tuple(dict.fromkeys(Interest(v) for v in chosen))
        availability = Availability(str(values.get("availability", "")))
    except ValueError:
        raise UserError(
            "One of those answers isn't an option I know; type `/volunteer profile` to try again."
        ) from None
    if not interests:
        raise UserError("Pick at least one thing you'd like to help with.")
    location = values.get("location", "")
    if not isinstance(location, str):
        raise UserError("Type your ZIP code or county as text.")
    return SaveProfile(actor, interests=interests, availability=availability, location=location)
