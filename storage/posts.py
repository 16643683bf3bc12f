"""Live posts: the platform messages that show a shift or the board, and the edits they owe."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import RowMapping, and_, bindparam, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.post import Post, PostRef
from bot.ports.posts import PostRepository
from storage.tables import posts

# Built once: building a statement and its cache key costs more than running it on SQLite.
# The campaign's boards, and the posts of the shifts given (an empty list matches none).
_QUEUE_EDITS = (
    update(posts)
    .where(
        or_(
            posts.c.shift_id.in_(bindparam("shown_shift_ids", expanding=True)),
            and_(posts.c.campaign_id == bindparam("shown_campaign_id"), posts.c.shift_id.is_(None)),
        ),
        posts.c.gone_at.is_(None),
        posts.c.edit_pending.is_(False),
    )
    .values(edit_pending=True)
    .returning(posts.c.id)
)


class SqlPostRepository(PostRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

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
        values = {
            "campaign_id": campaign_id,
            "platform": ref.platform,
            "team_external_id": ref.team_external_id,
            "channel": ref.channel,
            "message_id": ref.message_id,
            "shift_id": shift_id,
            "posted_starts_at": posted_starts_at,
            "shown": shown,
            # Owed from the start: see PostRepository.add.
            "edit_pending": True,
            "created_at": now,
        }
        added = await self._db.execute(insert(posts).returning(*posts.c), values)
        return _post(added.mappings().one())

    async def get(self, post_id: int) -> Post | None:
        found = await self._db.execute(
            select(posts).where(posts.c.id == post_id, posts.c.gone_at.is_(None))
        )
        row = found.mappings().first()
        return _post(row) if row is not None else None

    async def queue_edits(self, campaign_id: int, shift_ids: Sequence[int]) -> Sequence[int]:
        """One UPDATE … RETURNING: a post already owed an edit matches nothing, so a burst of
        changes costs one statement each and queues nothing more."""
        result = await self._db.execute(
            _QUEUE_EDITS, {"shown_campaign_id": campaign_id, "shown_shift_ids": list(shift_ids)}
        )
        return sorted(result.scalars())

    async def edit_taken(self, post_id: int) -> None:
        await self._db.execute(
            update(posts).where(posts.c.id == post_id).values(edit_pending=False)
        )

    async def shown(self, post_id: int, digest: str) -> None:
        await self._db.execute(update(posts).where(posts.c.id == post_id).values(shown=digest))

    async def wake_at(self, post_id: int, at: datetime | None) -> None:
        await self._db.execute(update(posts).where(posts.c.id == post_id).values(wake_at=at))

    async def forget(self, post_id: int, reason: str, now: datetime) -> None:
        await self._db.execute(
            update(posts)
            .where(posts.c.id == post_id, posts.c.gone_at.is_(None))
            .values(gone_at=now, gone_reason=reason, edit_pending=False)
        )


def _post(row: RowMapping) -> Post:
    get = row.__getitem__
    return Post(
        id=get(posts.c.id),
        campaign_id=get(posts.c.campaign_id),
        ref=PostRef(
            platform=get(posts.c.platform),
            team_external_id=get(posts.c.team_external_id),
            channel=get(posts.c.channel),
            message_id=get(posts.c.message_id),
        ),
        shift_id=get(posts.c.shift_id),
        posted_starts_at=get(posts.c.posted_starts_at),
        shown=get(posts.c.shown),
        wake_at=get(posts.c.wake_at),
        created_at=get(posts.c.created_at),
    )
