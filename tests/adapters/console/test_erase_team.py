"""`/turnout erase-team` at the console: asked first, a number presses Erase, the campaign is
gone and the next command starts a fresh one; a volunteer can't."""

from sqlalchemy import Table, func, select

from storage import SqlStorage
from storage.tables import campaigns, shifts, volunteers
from tests.adapters.console.conftest import SATURDAY_CALLS, Console


async def _count(storage: SqlStorage, table: Table) -> int:
    async with storage.unit_of_work() as uow:
        return int(await uow.connection.scalar(select(func.count()).select_from(table)) or 0)


async def test_an_organizer_erases_the_console_s_campaign_after_being_asked(
    console: Console, storage: SqlStorage
) -> None:
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1")

    refused = await console.type("/turnout erase-team")
    assert "Only organizers can erase this team's data" in refused

    asked = await console.type(":as Olivia", "/turnout erase-team")
    assert "for good: 1 shift, 1 sign-up, 0 tasks and 2 volunteers" in asked, asked
    assert "[1] Erase this team's data" in asked and "[2] Not now" in asked
    assert await _count(storage, shifts) == 1

    done = await console.type("1")
    assert "Done: this team's data is erased" in done, done
    assert await _count(storage, shifts) == 0
    assert await _count(storage, volunteers) == 0
    assert await _count(storage, campaigns) == 0

    listing = await console.type("/phonebank list")
    assert "Saturday calls" not in listing
    assert await _count(storage, campaigns) == 1


async def test_not_now_keeps_everything(console: Console, storage: SqlStorage) -> None:
    await console.type(SATURDAY_CALLS)
    await console.type("/turnout erase-team")
    kept = await console.type("2")
    assert "OK, nothing was erased." in kept
    assert await _count(storage, shifts) == 1
