"""What a series' notices say: every cancelled date a volunteer was on, in one message."""

from bot.domain.notice import NoticeKind
from bot.kernel import timefmt
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Button, Message, Reply
from bot.signups import SHIFTS


async def _dates_cancelled(scene: Scene) -> Reply | Drop:
    """`cancel … following`: every date a volunteer was on, in one message."""
    dates = [await scene.uow.shifts.get(int(i)) for i in scene.notice.payload["shift_ids"]]
    listed = "\n".join(f"• #{s.number}, {timefmt.at(s.starts_at, scene.zone)}" for s in dates)
    return Message(
        f"Sorry: the organizers cancelled “{dates[0].title}” from #{dates[0].number} on. You "
        f"were signed up for these {len(dates)} dates, all called off:\n{listed}",
        buttons=(Button("See other shifts", SHIFTS.action()),),
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.DATES_CANCELLED,
        _dates_cancelled,
        "never: the cancelled dates are always news",
        description="the cancelled dates of a weekly series",
    ),
)
