"""What a series' notices say: every cancelled date a volunteer was on, in one message."""

from bot.domain.notice import NoticeKind
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Button, Message, Reply
from bot.signups import SHIFTS


async def _dates_cancelled(scene: Scene) -> Reply | Drop:
    """`cancel … following`: every date a volunteer was on, in one message."""
    dates = [await scene.uow.shifts.get(int(i)) for i in scene.notice.payload["shift_ids"]]
    listed = "\n".join(f"• #{s.number}, {timefmt.at(s.starts_at, scene.zone)}" for s in dates)
    return Message(
        _(
            "Sorry: the organizers cancelled “{title}” from #{number} on. You were "
            "signed up for these {len} dates, all called off:\n{listed}",
            title=dates[0].title,
            number=dates[0].number,
            len=len(dates),
            listed=listed,
        ),
        buttons=(Button(_("See other shifts"), SHIFTS.action()),),
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.DATES_CANCELLED,
        _dates_cancelled,
        "never: the cancelled dates are always news",
        description="the cancelled dates of a weekly series",
    ),
)
