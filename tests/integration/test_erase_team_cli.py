"""`turnout erase-team <platform>:<team id>` on a real SQLite file: says what goes, asks, and
erases through the same use case as the chat command; another team keeps everything."""

from pathlib import Path

from sqlalchemy import func, select

from storage import open_storage
from storage.tables import metadata
from tests.adapters.running import turnout_cli
from tests.integration.test_team_erasure import busy, counts_of, team_row
from tests.linked import COUNTY, STATE, link, linked_harness


def turnout(cwd: Path, url: str, *args: str, answer: str = "") -> tuple[int, str]:
    return turnout_cli(cwd, url, *args, stdin=answer)


async def _two_teams(url: str, *, linked: bool = False) -> None:
    storage = await open_storage(url)
    try:
        async with linked_harness(storage) as h:
            await busy(h, STATE, ("Maria", "Ben", "Cleo"))
            if linked:
                await link(h, COUNTY, STATE)
            else:
                await busy(h, COUNTY, ("Dora", "Ezra", "Fay"))
    finally:
        await storage.close()


async def _state_of(url: str) -> tuple[object, ...]:
    storage = await open_storage(url)
    try:
        state = await team_row(storage, STATE)
        county = await team_row(storage, COUNTY)
        assert county is not None
        rows = {}
        async with storage.unit_of_work() as uow:
            for table in metadata.sorted_tables:
                rows[table.name] = await uow.connection.scalar(
                    select(func.count()).select_from(table)
                )
        return state, await counts_of(storage, county[1]), rows
    finally:
        await storage.close()


async def test_the_operator_is_asked_and_a_no_erases_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'turnout.db'}"
    await _two_teams(url)
    before = await _state_of(url)

    status, said = turnout(tmp_path, url, "erase-team", "slack:T-state", answer="n\n")

    assert status == 1
    assert "This erases State party for good: 5 shifts, 3 sign-ups, 1 task and 4 volunteers" in said
    assert "Erase? [y/N]" in said and "turnout: nothing was erased." in said
    assert await _state_of(url) == before


async def test_the_operator_erases_a_team_and_the_other_keeps_everything(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'turnout.db'}"
    await _two_teams(url)
    _state, county_before, _rows = await _state_of(url)

    status, said = turnout(tmp_path, url, "erase-team", "slack:T-state", answer="y\n")

    assert status == 0, said
    assert "turnout: Done: this team's data is erased" in said
    state, county_after, _rows = await _state_of(url)
    assert state is None
    assert county_after == county_before


async def test_yes_skips_the_question(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'turnout.db'}"
    await _two_teams(url)

    status, said = turnout(tmp_path, url, "erase-team", "discord:G-county", "--yes")

    assert status == 0, said
    assert "Erase? [y/N]" not in said and "Done:" in said
    storage = await open_storage(url)
    try:
        assert await team_row(storage, COUNTY) is None
        assert await team_row(storage, STATE) is not None
    finally:
        await storage.close()


async def test_an_unknown_team_or_one_others_joined_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'turnout.db'}"
    await _two_teams(url, linked=True)
    before = await _state_of(url)

    status, said = turnout(tmp_path, url, "erase-team", "slack:T-nobody", "--yes")
    assert status == 2
    assert said.strip() == (
        "turnout: Turnout knows no team slack:T-nobody; `turnout erase-team` needs one it knows."
    )
    status, said = turnout(tmp_path, url, "erase-team", "T-state", "--yes")
    assert status == 2 and "<platform>:<team id>" in said
    status, said = turnout(tmp_path, url, "erase-team", "slack:T-state", "--yes")
    assert status == 1
    assert "Other teams are linked into this team's campaign: Lake County" in said
    assert await _state_of(url) == before
