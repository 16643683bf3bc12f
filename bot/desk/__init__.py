"""The organizer's desk: sign-in links from chat, and what the web pages read."""

from bot.desk.entries import ENTRIES, TOPIC
from bot.desk.links import LINK_LIFE, SESSION_LIFE, SIGN_IN_PATH, DeskLinks, hashed, same
from bot.desk.opening import HOSTED_WITHIN
from bot.kernel.feature import Feature

FEATURE = Feature("desk", topics=(TOPIC,), entries=ENTRIES)

__all__ = [
    "FEATURE",
    "HOSTED_WITHIN",
    "LINK_LIFE",
    "SESSION_LIFE",
    "SIGN_IN_PATH",
    "DeskLinks",
    "hashed",
    "same",
]
