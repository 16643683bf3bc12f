"""What a delivery failure brings: the organizers told a volunteer missed a message, and the
volunteer mentioned once in the volunteers channel when their DMs are closed.
"""

from bot.domain.notice import NoticeKind
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Message, Reply


async def _dms_closed(scene: Scene) -> Reply | Drop:
    return Message(
        _(
            "I tried to send you a direct message, but your DMs are closed to me. "
            "Please allow direct messages from me in your privacy settings so you "
            "get your shift reminders; meanwhile `/phonebank mine` shows your "
            "shifts."
        ),
        public=True,
    )


async def _delivery_failed(scene: Scene) -> Reply | Drop:
    newcomer = await scene.subject()
    what = scene.notice.payload.get("what", "a message")
    reason = scene.notice.payload.get("reason", "the platform refused it")
    return Message(
        _(
            "⚠️ I couldn't deliver {what} to {name} (#{number}): {reason}. Please "
            "reach them another way.",
            what=what,
            name=newcomer.name,
            number=newcomer.number,
            reason=reason,
        )
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.DMS_CLOSED,
        _dms_closed,
        "never",
        in_channel=True,
    ),
    NoticeSpec(
        NoticeKind.DELIVERY_FAILED,
        _delivery_failed,
        "never",
    ),
)
