"""What the welcome's notices say: the welcome itself, and the organizers' news of a newcomer
until someone reaches out.
"""

from bot.domain.notice import NoticeKind, NoticeState
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import SHIFTS
from bot.volunteers.buttons import PROFILE
from bot.volunteers.views import contacted_button


async def _welcome(scene: Scene) -> Reply | Drop:
    assert scene.volunteer is not None
    return Message(
        _(
            "Welcome to {name}, {name2}! 🎉 Thank you for stepping up. Tell us a "
            "little about yourself so an organizer can match you with the right "
            "work.",
            name=scene.campaign.name,
            name2=scene.volunteer.name,
        ),
        buttons=(
            Button(_("Tell us about yourself"), PROFILE.action(), ButtonStyle.PRIMARY),
            Button(_("See upcoming shifts"), SHIFTS.action()),
        ),
    )


async def _new_volunteer(scene: Scene) -> Reply | Drop:
    newcomer = await scene.subject()
    if newcomer.forgotten_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
    within = timefmt.span(scene.campaign.contact_within)
    return Message(
        _(
            "👋 New volunteer: {name} (#{number}) just arrived and got the welcome "
            "questions. Please reach out within {within}.",
            name=newcomer.name,
            number=newcomer.number,
            within=within,
        ),
        buttons=() if newcomer.contacted_at else (contacted_button(newcomer.number),),
    )


async def _volunteer_onboarded(scene: Scene) -> Reply | Drop:
    newcomer = await scene.subject()
    if newcomer.forgotten_at is not None or newcomer.profile is None:
        return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
    profile = newcomer.profile
    said = (
        _(
            "📝 {name} (#{number}) updated their answers:",
            name=newcomer.name,
            number=newcomer.number,
        )
        if scene.notice.payload.get("updated")
        else _("📝 {name} (#{number}) answered:", name=newcomer.name, number=newcomer.number)
    )
    lines = [
        said,
        _("Interests: {interests}", interests=", ".join(_(i.label) for i in profile.interests)),
        _(
            "Availability: {value}",
            value=_(profile.availability.label) if profile.availability else _("not given"),
        ),
        _("ZIP or county: {value}", value=profile.location or _("not given")),
    ]
    if newcomer.contacted_at is None:
        lines.append(_("Nobody has contacted them yet."))
    return Message(
        "\n".join(lines),
        buttons=() if newcomer.contacted_at else (contacted_button(newcomer.number),),
    )


async def _still_uncontacted(scene: Scene) -> Reply | Drop:
    newcomer = await scene.subject()
    if newcomer.contacted_at is not None or newcomer.forgotten_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer has been contacted since")
    return Message(
        _(
            "⏳ {name} (#{number}) has been waiting {span} and nobody has contacted "
            "them yet. Can someone reach out today?",
            name=newcomer.name,
            number=newcomer.number,
            span=timefmt.span(scene.now - newcomer.joined_at),
        ),
        buttons=(contacted_button(newcomer.number),),
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.WELCOME,
        _welcome,
        "when the newcomer asked to be forgotten",
        description="the welcome message",
    ),
    NoticeSpec(
        NoticeKind.NEW_VOLUNTEER,
        _new_volunteer,
        "when the newcomer asked to be forgotten",
        their_team=True,
    ),
    NoticeSpec(
        NoticeKind.VOLUNTEER_ONBOARDED,
        _volunteer_onboarded,
        "when the newcomer asked to be forgotten",
        their_team=True,
    ),
    NoticeSpec(
        NoticeKind.STILL_UNCONTACTED,
        _still_uncontacted,
        "when someone has contacted the newcomer since, or they asked to be forgotten",
        their_team=True,
    ),
)
