"""Storage of live posts: which platform message shows which shift, or the board."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.post import Post, PostRef


class PostRepository(ABC):
    @abstractmethod
    async def add(
        self,
        *,
        campaign_id: int,
        ref: PostRef,
        shift_id: int | None,
        posted_starts_at: datetime | None,
        shown: str,
        now: datetime,
    ) -> Post:
        """Remember a message the bot just posted (shift_id None: the board). It owes an edit
        from the start: the caller queues it, to catch changes made while it was on its way."""

    @abstractmethod
    async def get(self, post_id: int) -> Post | None:
        """The post, unless it was forgotten."""

    @abstractmethod
    async def queue_edits(self, campaign_id: int, shift_ids: Sequence[int]) -> Sequence[int]:
        """Mark an edit as owed to every live post showing one of the shifts and to the
        campaign's boards; returns those that had none owed yet (the others' edit will show
        this change too)."""

    @abstractmethod
    async def edit_taken(self, post_id: int) -> None:
        """The owed edit is being written now; a change after this owes another."""

    @abstractmethod
    async def shown(self, post_id: int, digest: str) -> None:
        """The message now shows what `digest` fingerprints."""

    @abstractmethod
    async def wake_at(self, post_id: int, at: datetime | None) -> None:
        """A timed edit is queued for `at`."""

    @abstractmethod
    async def forget(self, post_id: int, reason: str, now: datetime) -> None:
        """The message is gone (deleted, or the channel lost): never edit it again."""
