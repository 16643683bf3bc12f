"""What organizers are told when an export is made: personal data left the system.

Written when sent, so an exporter who
erased themselves in the meantime is not named.
"""

from bot.domain.notice import NoticeKind
from bot.domain.volunteer import FORMER_VOLUNTEER
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply


async def _export_made(scene: Scene) -> Reply:
    made = await scene.uow.exports.get(int(scene.notice.payload["export_id"]))
    assert made is not None  # the export log is never deleted from
    who = FORMER_VOLUNTEER
    if made.exporter_id is not None:
        exporter = await scene.uow.volunteers.get(made.exporter_id)
        who = exporter.name if exporter.forgotten_at else f"{exporter.name} (#{exporter.number})"
    return Message(
        _(
            "📤 {who} exported {value} ({label}, {plural}) as a CSV file, {when}. "
            "It holds volunteers' personal data: keep it safe and delete it when "
            "it's done its job.",
            who=who,
            value=made.kind.value,
            label=_(made.period.label),
            plural=plural(made.rows, "row"),
            when=timefmt.when(made.at, scene.zone),
        )
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(NoticeKind.EXPORT_MADE, _export_made, "never: personal data left the system"),
)
