"""What tests read of the notice outbox: the pending notices, as the dispatcher will see them."""

from collections.abc import Sequence

from sqlalchemy import select

from bot.domain.notice import Notice, NoticeState
from storage import rows
from storage.tables import notices
from storage.unit_of_work import SqlUnitOfWork


async def pending_notices(
    uow: SqlUnitOfWork, *, volunteer_id: int | None = None, shift_id: int | None = None
) -> Sequence[Notice]:
    """Pending notices matching every given filter, soonest first."""
    statement = select(notices).where(notices.c.state == NoticeState.PENDING.value)
    if volunteer_id is not None:
        statement = statement.where(notices.c.volunteer_id == volunteer_id)
    if shift_id is not None:
        statement = statement.where(notices.c.shift_id == shift_id)
    result = await uow.connection.execute(statement.order_by(notices.c.due_at, notices.c.id))
    return [rows.notice(row) for row in result.mappings()]
