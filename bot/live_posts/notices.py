"""Live posts' notices: the posts themselves (written by `delivery`), and the note to whoever
asked for one that could not be put up."""

from bot.domain.notice import NoticeKind
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Message, Reply


async def _post_failed(scene: Scene) -> Reply | Drop:
    """To whoever asked for a live post the platform refused: why, and what to do."""
    again = _("`/phonebank post board`")
    if scene.notice.shift_id is not None:
        shift = await scene.uow.shifts.get(scene.notice.shift_id)
        again = _("`/phonebank post {number}`", number=shift.number)
    reason = scene.notice.payload.get("reason", "the platform refused it")
    return Message(
        _(
            "I couldn't put the post up in that channel: {reason}. Add me to the "
            "channel (on Slack, `/invite @Turnout` there), then type {again} in it.",
            reason=reason,
            again=again,
        )
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(NoticeKind.LIVE_POST, None, "when the shift is gone or the post was put up already"),
    NoticeSpec(
        NoticeKind.POST_EDIT,
        None,
        "when another edit of the same post is written in the same batch, or the post is gone",
    ),
    NoticeSpec(
        NoticeKind.POST_FAILED,
        _post_failed,
        "never",
        description="the news that a post couldn't be put up",
    ),
)
