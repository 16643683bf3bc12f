"""`/volunteer home`: everything that is the asker's, in one view."""

from bot.home import view
from bot.home.commands import ShowHome
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry
from bot.kernel.intake.typed_values import Usage

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "volunteer",
        "home",
        Usage(
            "/volunteer home",
            "/volunteer home",
            N_("your shifts, tasks and settings in one place (Slack: the app's Home tab)"),
        ),
        ShowHome,
        view.show_home,
        reads_only=True,
        hint="home",
    ),
)
