"""Slack workspaces installed through OAuth, kept in Turnout's own database (both kinds)."""

from datetime import timedelta

from bot.ports.installations import Installation
from storage import SqlStorage
from tests.integration.builders import NOW


def an_install(team: str = "T1", token: str = "xoxb-1", **more: object) -> Installation:
    return Installation(
        platform="slack",
        team_external_id=team,
        bot_token=token,
        installed_at=NOW,
        installer="U1",
        team_name="County",
        bot_user_id="UBOT",
        **more,  # type: ignore[arg-type]
    )


async def test_an_installation_is_kept_found_replaced_and_deleted(storage: SqlStorage) -> None:
    expires = NOW + timedelta(hours=12)
    async with storage.unit_of_work() as uow:
        await uow.installations.save(an_install())
        await uow.installations.save(an_install("T2", "xoxb-2"))
        await uow.commit()
    async with storage.unit_of_work() as uow:
        found = await uow.installations.find("slack", "T1")
        assert found == an_install()
        assert await uow.installations.find("discord", "T1") is None
        assert await uow.installations.teams("slack") == ["T1", "T2"]
        # A refresh (or a reinstall) replaces the team's row.
        await uow.installations.save(
            an_install(
                token="xoxe.xoxb-new", bot_refresh_token="xoxe-1-r", bot_token_expires_at=expires
            )
        )
        await uow.commit()
    async with storage.unit_of_work() as uow:
        refreshed = await uow.installations.find("slack", "T1")
        assert refreshed is not None
        assert (refreshed.bot_token, refreshed.bot_refresh_token) == ("xoxe.xoxb-new", "xoxe-1-r")
        assert refreshed.bot_token_expires_at == expires
        assert await uow.installations.delete("slack", "T1")
        assert not await uow.installations.delete("slack", "T1")
        await uow.commit()
    async with storage.unit_of_work() as uow:
        assert await uow.installations.teams("slack") == ["T2"]


async def test_an_oauth_state_is_good_once_and_only_until_it_expires(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        await uow.installations.issue_state("fresh", NOW + timedelta(minutes=10))
        await uow.installations.issue_state("stale", NOW + timedelta(minutes=1))
        await uow.commit()
    async with storage.unit_of_work() as uow:
        later = NOW + timedelta(minutes=5)
        assert await uow.installations.consume_state("fresh", later)
        assert not await uow.installations.consume_state("fresh", later)
        assert not await uow.installations.consume_state("stale", later)
        assert not await uow.installations.consume_state("never issued", later)
        await uow.commit()
