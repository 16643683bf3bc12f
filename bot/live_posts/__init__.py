"""Live posts: a shift's (or the board's) post in a channel that keeps itself current."""

from bot.kernel.feature import Feature
from bot.live_posts import edits, posting
from bot.live_posts.delivery import CHANNEL_POSTS
from bot.live_posts.entries import ENTRIES, TOPIC
from bot.live_posts.notices import NOTICES

FEATURE = Feature(
    "live_posts",
    topics=(TOPIC,),
    entries=ENTRIES,
    notices=NOTICES,
    before_commit=(edits.queue,),
    posts=CHANNEL_POSTS,
)

__all__ = ["FEATURE", "edits", "posting"]
