"""The settings form (Home's Change buttons): a volunteer's zone and reminder times at once.

Each answer is read exactly as `/volunteer tz` and `/volunteer reminders` read theirs, so the
form accepts nothing the commands would refuse.
"""

from bot.domain.campaign import Campaign
from bot.domain.volunteer import Volunteer
from bot.home.commands import SaveSettings
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.forms import FormReader, Values, answering
from bot.ports.replies import Form, TextField
from bot.volunteers import REMINDERS_USAGE, TZ_USAGE

_ZONE_TEXT = 60


def settings_form(volunteer: Volunteer, campaign: Campaign, shown_in: str) -> Form:
    """The form, filled in with what is set now; `shown_in` is the zone times show in."""
    offsets = volunteer.reminder_offsets
    reminders = (
        "default"
        if offsets is None
        else ",".join(timefmt.duration(o) for o in offsets)
        if offsets
        else "off"
    )
    return Form(
        form_id=SETTINGS.form_id,
        title=_("Your settings"),
        intro=(
            _(
                "Times are shown to you in {shown_in}. Leave the zone empty to keep "
                "it. Reminders: hours or minutes before each shift like `24h,1h`, "
                "`off`, or `default` for the campaign's ({join}).",
                shown_in=shown_in,
                join=", ".join(timefmt.duration(o) for o in campaign.reminder_offsets),
            )
        ),
        fields=(
            TextField(
                "zone",
                _("Your time zone"),
                placeholder=_("America/Chicago"),
                max_length=_ZONE_TEXT,
                required=False,
                initial=volunteer.timezone,
            ),
            TextField(
                "reminders",
                _("Reminders before your shifts"),
                placeholder=_("24h,1h"),
                max_length=typed.MAX_REMINDER_TEXT,
                required=False,
                initial=reminders,
            ),
        ),
        submit_label=_("Save"),
    )


def _read(actor: Actor, _key: str, values: Values) -> Command:
    """The answers as a SaveSettings; a friendly UserError for one a command would refuse."""

    def answer(name: str) -> str:
        value = values.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    zone, reminders = answer("zone"), answer("reminders")
    if zone:
        with answering("zone"):
            zone = typed.zone(typed.Words(zone, TZ_USAGE))
    if not reminders:
        return SaveSettings(actor, zone=zone)
    with answering("reminders"):
        offsets = typed.reminder_offsets(typed.Words(reminders, REMINDERS_USAGE))
    return SaveSettings(actor, zone=zone, offsets=offsets, reminders_given=True)


SETTINGS = FormReader("settings", SaveSettings, _read)
