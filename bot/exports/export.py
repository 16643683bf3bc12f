"""`/turnout export`: the campaign's data as a CSV file, for the organizer who asked only.

Every export is logged (who, what, when) and the organizers' channel is told, since personal
data left the system. The file goes back as the command's private answer: on Slack to the
organizer's DM with the bot, on Discord as an attachment only they see, in the console a path.
"""

from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime

from bot.domain.export import ExportKind, Line
from bot.domain.notice import NoticeKind
from bot.exports import csv_files, headers
from bot.exports.commands import ExportData
from bot.exports.csv_files import CsvFile
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import N_, _
from bot.kernel.wording import plural
from bot.ports.exports import ExportRepository
from bot.ports.replies import Attachment, Message, Reply

Reader = Callable[[int, datetime | None], AsyncIterator[Sequence[Line]]]


def _reader(exports: ExportRepository, kind: ExportKind) -> Reader:
    readers: dict[ExportKind, Reader] = {
        ExportKind.VOLUNTEERS: exports.volunteers,
        ExportKind.SIGNUPS: exports.signups,
        ExportKind.SHIFTS: exports.shifts,
        ExportKind.TASKS: exports.claims,
    }
    return readers[kind]


# What one row of each export is, for the answer.
ROW = {
    ExportKind.VOLUNTEERS: "volunteer",
    ExportKind.SIGNUPS: "sign-up",
    ExportKind.SHIFTS: "shift",
    ExportKind.TASKS: "task claim",
}

# How each export's file is titled where it is attached.
_TITLES = {
    ExportKind.VOLUNTEERS: N_("Volunteers"),
    ExportKind.SIGNUPS: N_("Sign-ups"),
    ExportKind.SHIFTS: N_("Shifts"),
    ExportKind.TASKS: N_("Tasks"),
}


async def build_export(cmd: ExportData, ctx: Context) -> CsvFile:
    """The file, read in batches; the catalogue runs this first as a reader (`prepare`), so
    on SQLite a big export doesn't hold the write turn, and every other command, meanwhile."""
    ctx.require_organizer(_("export the campaign's data"))
    batches = _reader(ctx.uow.exports, cmd.kind)(ctx.campaign.id, cmd.period.since(ctx.now))
    teams = await ctx.uow.links.team_names(ctx.campaign.id)
    header = headers.headers(csv_files.COLUMNS[cmd.kind], cmd.language)
    return await csv_files.write(cmd.kind, batches, ctx.campaign_zone, ctx.now, teams, header)


async def export_data(cmd: ExportData, ctx: Context) -> Reply:
    """`/turnout export <kind> [30d|all]` (organizers): the CSV, logged and announced."""
    ctx.require_organizer(_("export the campaign's data"))
    built = ctx.prepared if isinstance(ctx.prepared, CsvFile) else await build_export(cmd, ctx)
    content, count = built.content, built.rows
    made = await ctx.uow.exports.record(
        campaign_id=ctx.campaign.id,
        exporter_id=ctx.volunteer.id,
        kind=cmd.kind,
        period=cmd.period,
        count=count,
        at=ctx.now,
    )
    await ctx.notify(NoticeKind.EXPORT_MADE, payload={"export_id": made.id})
    day = timefmt.iso_day(ctx.now, ctx.campaign_zone)
    filename = f"turnout-{cmd.kind.value}-{cmd.period.value}-{day}.csv"
    title = _("{kind} ({period})", kind=_(_TITLES[cmd.kind]), period=_(cmd.period.label))
    return Message(
        _(
            "Here's the {value} export for {label}: {plural}, as a CSV file. It "
            "holds personal data: keep it safe and delete it when you're done. The "
            "organizers' channel is told that you made it.",
            value=cmd.kind.value,
            label=_(cmd.period.label),
            plural=plural(count, ROW[cmd.kind]),
        ),
        files=(Attachment(filename, content, "text/csv", title=title),),
    )
