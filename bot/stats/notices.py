"""What the weekly digest's notice is: the digest itself, which queues the next as it goes."""

from bot.domain.notice import NoticeKind, NoticeState
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Reply
from bot.stats.digest import render_digest


async def _digest(scene: Scene) -> Reply | Drop:
    """The weekly digest; it queues the next one whether or not this one is still worth sending."""
    result = await render_digest(scene)
    if isinstance(result, NoticeState):
        reason = "its moment passed" if result is NoticeState.SKIPPED else "its schedule changed"
        return Drop(result, reason)
    return result


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.DIGEST,
        _digest,
        "when its moment passed (sent more than a day late) or the digest's schedule changed",
    ),
)
