"""Who holds a qualification: an organizer's word wins; otherwise attending a shift that grants
it (attendance decided by the one attendance truth, bot/domain/attendance.py)."""

from bot.domain.attendance import Outcome, outcome
from bot.domain.positions import check_qualification
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.ports.replies import Message, Reply
from bot.positions.commands import Qualify, Unqualify


async def holds(ctx: Context, volunteer_id: int, qualification: str) -> bool:
    """Whether the volunteer holds `qualification` as of now."""
    word = await ctx.uow.positions.word_on(ctx.campaign.id, volunteer_id, qualification)
    if word is not None:
        return word
    return bool(await _trained_in(ctx, volunteer_id, qualification))


async def held_by(ctx: Context, volunteer_id: int) -> list[str]:
    """Every qualification the volunteer holds as of now, by name."""
    words = await ctx.uow.positions.words_of(ctx.campaign.id, volunteer_id)
    trained = await _trained_in(ctx, volunteer_id, None)
    held = {name for name, holds in words.items() if holds}
    held |= {name for name in trained if name not in words}
    return sorted(held)


async def _trained_in(ctx: Context, volunteer_id: int, qualification: str | None) -> set[str]:
    """The qualifications of trainings the volunteer attended (of `qualification` alone, if
    given)."""
    earned: set[str] = set()
    for signup_id, ends_at, name in await ctx.uow.positions.trainings_of(
        volunteer_id, qualification
    ):
        record = await ctx.uow.attendance.get(signup_id)
        if outcome(record, ends_at, ctx.now) is Outcome.ATTENDED:
            earned.add(name)
    return earned


async def qualify(cmd: Qualify, ctx: Context) -> Reply:
    """`/volunteer qualify <who> "<qualification>"` (organizers)."""
    ctx.require_organizer(_("qualify volunteers"))
    return await _set_word(ctx, cmd.who, cmd.qualification, holds=True)


async def unqualify(cmd: Unqualify, ctx: Context) -> Reply:
    """`/volunteer unqualify <who> "<qualification>"` (organizers)."""
    ctx.require_organizer(_("qualify volunteers"))
    return await _set_word(ctx, cmd.who, cmd.qualification, holds=False)


async def _set_word(ctx: Context, who: str, named: str, *, holds: bool) -> Reply:
    qualification = check_qualification(named)
    verb = "qualify" if holds else "unqualify"
    person = await one_volunteer(
        ctx,
        who,
        lambda who: _(
            '/volunteer {verb} {who} "{qualification}"',
            verb=verb,
            who=who,
            qualification=qualification,
        ),
    )
    await ctx.uow.positions.set_word(
        campaign_id=ctx.campaign.id,
        volunteer_id=person.id,
        qualification=qualification,
        holds=holds,
        by_id=ctx.volunteer.id,
        at=ctx.now,
    )
    if holds:
        return Message(
            _(
                "{name} (#{number}) is now qualified as “{qualification}”.",
                name=person.name,
                number=person.number,
                qualification=qualification,
            )
        )
    return Message(
        _(
            "{name} (#{number}) is no longer qualified as “{qualification}”; seats they "
            "already hold stay theirs.",
            name=person.name,
            number=person.number,
            qualification=qualification,
        )
    )
