"""What organizers are told when an export is made: personal data left the system.

Kept apart from bot/kernel/outbox/notices.py (which registers it); written when sent, so an
exporter who
erased themselves in the meantime is not named.
"""

from collections.abc import Awaitable, Callable

from bot.domain.notice import NoticeKind
from bot.domain.volunteer import FORMER_VOLUNTEER
from bot.hosting.notices import Scene
from bot.kernel import timefmt
from bot.kernel.replies import Message, Reply
from bot.kernel.wording import plural


async def _export_made(scene: Scene) -> Reply:
    made = await scene.uow.exports.get(int(scene.notice.payload["export_id"]))
    assert made is not None  # the export log is never deleted from
    who = FORMER_VOLUNTEER
    if made.exporter_id is not None:
        exporter = await scene.uow.volunteers.get(made.exporter_id)
        who = exporter.name if exporter.forgotten_at else f"{exporter.name} (#{exporter.number})"
    return Message(
        f"📤 {who} exported {made.kind.value} ({made.period.label}, {plural(made.rows, 'row')}) "
        f"as a CSV file, {timefmt.when(made.at, scene.zone)}. It holds volunteers' personal "
        "data: keep it safe and delete it when it's done its job."
    )


RENDERERS: dict[NoticeKind, Callable[[Scene], Awaitable[Reply]]] = {
    NoticeKind.EXPORT_MADE: _export_made,
}
