"""Numbers for organizers: `/turnout stats`, the weekly digest with its chart, who is listed."""

from bot.kernel.feature import Feature, Sweep
from bot.stats import digest
from bot.stats.digest import follow_the_zone
from bot.stats.entries import ENTRIES, NUMBERS
from bot.stats.notices import NOTICES

FEATURE = Feature(
    "stats",
    topics=(NUMBERS,),
    entries=ENTRIES,
    notices=NOTICES,
    # A new campaign's first weekly digest; each digest then queues the next.
    sweeps=(Sweep(digest.queue_first_digests, "queued %s", "first weekly digest", "new digests"),),
)

__all__ = ["FEATURE", "NUMBERS", "follow_the_zone"]
