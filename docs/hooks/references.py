"""MkDocs hook: the command and configuration references, written as the site builds.

They come from the command catalogue and the settings classes `turnout` reads, through
bot/app/references.py (which the tests read too), so they can't drift from the code.
"""

from datetime import UTC, datetime

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from bot.app.cli import Settings
from bot.app.references import COMMANDS_PAGE, CONFIGURATION_PAGE, commands_page, configuration_page
from bot.catalogue import catalogue


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the two generated pages to the site's files (nothing is written under docs/)."""
    # Examples' dates are ahead of the day the site is built, as the help's are of today's.
    today = datetime.now(UTC).date()
    pages = {
        COMMANDS_PAGE: commands_page(catalogue(), today=today),
        # The core's settings, then each platform's: what `turnout` reads, in its order.
        CONFIGURATION_PAGE: configuration_page(Settings.__bases__),
    }
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    return files
