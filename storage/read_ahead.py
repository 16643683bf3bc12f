"""Reading ahead what a batch of notices will need to be written: a few queries per batch
instead of five single-row SELECTs per notice.

Rendering a notice asks its unit of work for the campaign, the volunteer, the shift, the
volunteer's active sign-up on it and how to reach them, one row at a time. Here those rows are
read for the whole claimed batch with one query per table and kept in the repositories of the
same unit of work, whose reads then answer from them (and whose writes forget them).
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, select

from bot.domain.campaign import Identity
from bot.domain.notice import Notice
from storage import rows
from storage.tables import campaigns, identities, shifts, signups, volunteers

if TYPE_CHECKING:
    from storage.unit_of_work import SqlUnitOfWork

_ACTIVE = ("confirmed", "waitlisted", "offered")
# Built once; "ids" expands to however many the batch has.
_CAMPAIGNS = select(campaigns).where(campaigns.c.id.in_(bindparam("ids", expanding=True)))
_VOLUNTEERS = select(volunteers).where(volunteers.c.id.in_(bindparam("ids", expanding=True)))
_SHIFTS = rows.select_shifts().where(shifts.c.id.in_(bindparam("ids", expanding=True)))
_SIGNUPS = select(signups).where(
    signups.c.volunteer_id.in_(bindparam("ids", expanding=True)), signups.c.status.in_(_ACTIVE)
)
_IDENTITIES = (
    select(identities)
    .where(identities.c.volunteer_id.in_(bindparam("ids", expanding=True)))
    .order_by(identities.c.last_seen_at.desc(), identities.c.id.desc())
)


async def read_ahead(uow: "SqlUnitOfWork", notices: Sequence[Notice]) -> None:
    """Fill `uow`'s repositories with every row rendering `notices` will read."""
    if not notices:
        return
    db = uow.connection
    campaign_ids = sorted({n.campaign_id for n in notices} - uow.campaigns.read.keys())
    if campaign_ids:
        for row in (await db.execute(_CAMPAIGNS, {"ids": campaign_ids})).mappings():
            uow.campaigns.read[row[campaigns.c.id]] = rows.campaign(row)
    # The notice's volunteer, or the one an organizer notice is about.
    volunteer_ids = sorted(
        {n.volunteer_id for n in notices if n.volunteer_id is not None}
        | {int(n.payload["volunteer_id"]) for n in notices if "volunteer_id" in n.payload}
    )
    if volunteer_ids:
        for row in (await db.execute(_VOLUNTEERS, {"ids": volunteer_ids})).mappings():
            uow.volunteers.read[row[volunteers.c.id]] = rows.volunteer(row)
        reach: dict[int, list[Identity]] = {v: [] for v in volunteer_ids}
        for row in (await db.execute(_IDENTITIES, {"ids": volunteer_ids})).mappings():
            reach[row[identities.c.volunteer_id]].append(rows.identity(row))
        uow.volunteers.reach.update(reach)
    shift_ids = sorted({n.shift_id for n in notices if n.shift_id is not None})
    if shift_ids:
        for row in (await db.execute(_SHIFTS, {"ids": shift_ids})).mappings():
            uow.shifts.read[row[shifts.c.id]] = rows.shift(row)
        pairs = {
            (n.shift_id, n.volunteer_id)
            for n in notices
            if n.shift_id is not None and n.volunteer_id is not None
        }
        active = dict.fromkeys(pairs)
        ids = sorted({volunteer for _, volunteer in pairs})
        for row in (await db.execute(_SIGNUPS, {"ids": ids})).mappings():
            pair = (row[signups.c.shift_id], row[signups.c.volunteer_id])
            signup = rows.signup(row)
            kept = active.get(pair)
            # As SqlSignupRepository.active: the latest active sign-up for the pair.
            if pair in active and (kept is None or signup.id > kept.id):
                active[pair] = signup
        uow.signups.active_read.update(active)
