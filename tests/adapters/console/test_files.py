"""The console writes files into its folder and prints where they are."""

import io
import stat
from pathlib import Path

from adapters.console.files import FileShelf
from adapters.console.messenger import ConsoleMessenger
from adapters.console.screen import Screen
from bot.domain.campaign import Identity, Team
from bot.ports.replies import Attachment, Message

CSV = b"name,zip\nMaria,53703\n"


def console(tmp_path: Path) -> tuple[io.StringIO, Screen, ConsoleMessenger]:
    out = io.StringIO()
    shelf = FileShelf(tmp_path / "turnout-files")
    screen = Screen(out, shelf=shelf)
    messenger = ConsoleMessenger(screen, names={"olivia": "Olivia"}, organizers=lambda: ["olivia"])
    return out, screen, messenger


async def test_a_dm_with_a_file_prints_the_path_of_the_written_file(tmp_path: Path) -> None:
    out, _, messenger = console(tmp_path)
    report = Attachment("volunteers.csv", CSV, "text/csv", title="Volunteers")

    await messenger.send_direct(
        Identity("console", "t", "olivia"), Message("Ready", files=(report,))
    )

    path = tmp_path / "turnout-files" / "volunteers.csv"
    assert f"📎 Volunteers: {path}" in out.getvalue()
    assert path.read_bytes() == CSV
    assert stat.S_IMODE(path.stat().st_mode) == 0o600, "exports hold personal data"


async def test_an_organizer_post_never_overwrites_an_earlier_file(tmp_path: Path) -> None:
    out, _, messenger = console(tmp_path)
    team = Team(1, "console", "t", 1)

    for content in (b"first", b"second"):
        chart = Attachment("chart.png", content, "image/png")
        await messenger.post_to_organizers(team, Message("Chart", files=(chart,)))

    folder = tmp_path / "turnout-files"
    assert (folder / "chart.png").read_bytes() == b"first"
    assert (folder / "chart-2.png").read_bytes() == b"second"
    assert f"📎 chart.png: {folder / 'chart-2.png'}" in out.getvalue()


def test_a_file_name_cannot_leave_the_folder(tmp_path: Path) -> None:
    _, screen, _ = console(tmp_path)
    sneaky = Attachment("../../etc/passwd", b"x", "text/plain")

    screen.show(Message("Here", files=(sneaky,)), to=["olivia"])

    [written] = (tmp_path / "turnout-files").iterdir()
    assert written.name == "etc-passwd" and written.read_bytes() == b"x"
