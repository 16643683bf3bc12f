"""Linked teams on Slack: a crafted button naming another team's shift or link code changes
nothing; linked, the workspace joins the other team's shift; unlinked, it can't any more."""

from typing import Any

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from tests.adapters.slack.conftest import OLIVIA, VERA, WALT, Rig
from tests.adapters.slack.fake_slack import TEAM_ID
from tests.render import text_of

# Another team on the same Turnout: a Discord server, driven through the core.
CARMEN = Actor(Identity("discord", "G-other", "carmen"), "Carmen", True, "Other county")
THIRD = Actor(Identity("console", "console", "dana"), "Dana", True, "Console")


def crafted(action: str) -> dict[str, Any]:
    return {"action_id": action, "value": action, "text": {"type": "plain_text", "text": "Go"}}


async def other(rig: Rig, line: str, by: Actor = CARMEN) -> str:
    reply = await rig.bot.turnout.run_text(by, line)
    await rig.deliver()
    return text_of(reply)


async def campaign_of(rig: Rig, platform: str, external_id: str) -> int:
    async with rig.bot.storage.unit_of_work() as uow:
        team = await uow.campaigns.team(platform, external_id)
    assert team is not None
    return team.campaign_id


async def said_to(rig: Rig, user: tuple[str, str], count: int = 1) -> str:
    return (await rig.fake.wait_for("chat.postEphemeral", user=user[0], count=count)).text


async def test_crafted_buttons_naming_another_teams_shift_or_code_change_nothing(rig: Rig) -> None:
    await other(rig, '/phonebank create "County calls" 2026-11-28 18:00 2h 3')
    await other(rig, '/phonebank create "County canvass" 2026-11-29 18:00 2h 3')
    await rig.as_organizer('/phonebank create "Library calls" 2026-11-28 18:00 2h 1')
    code = (await other(rig, "/turnout link")).split("`")[1]
    asked = await rig.bot.turnout.run_text(THIRD, f"/turnout link {code}")
    link_button = asked.buttons[0].action  # type: ignore[union-attr]

    await rig.press(crafted("turnout:join:2"), VERA)
    await rig.press(crafted(link_button), OLIVIA)

    assert (await said_to(rig, VERA)).startswith("There's no shift #2.")
    assert (await said_to(rig, OLIVIA)).startswith("That button isn't for this team.")
    assert "Nobody has signed up yet." in await other(rig, "/phonebank roster 2")
    ours = await campaign_of(rig, "slack", TEAM_ID)
    assert ours != await campaign_of(rig, "discord", "G-other")


async def test_linked_the_workspace_joins_the_other_teams_shift_and_unlinked_it_cannot(
    rig: Rig,
) -> None:
    await other(rig, '/phonebank create "County calls" 2026-11-28 18:00 2h 3')
    await other(rig, '/phonebank create "County canvass" 2026-11-29 18:00 2h 3')
    code = (await other(rig, "/turnout link")).split("`")[1]

    await rig.command(f"/turnout link {code} confirm", user=OLIVIA)
    assert "This team is now part of" in await said_to(rig, OLIVIA)
    await rig.press(crafted("turnout:join:1"), VERA)
    assert "You're in! #1 “County calls”" in await said_to(rig, VERA)
    assert "1. vera (Turnout Test)" in await other(rig, "/phonebank roster 1")

    await rig.command("/turnout unlink confirm", user=OLIVIA)
    assert "has a campaign of its own again" in await said_to(rig, OLIVIA, count=2)
    await rig.press(crafted("turnout:join:2"), WALT)
    assert (await said_to(rig, WALT)).startswith("There's no shift #2.")
    assert "Nobody has signed up yet." in await other(rig, "/phonebank roster 2")
    # Vera's sign-up, made while linked, stays on the other team's roster.
    assert "1. vera (Turnout Test)" in await other(rig, "/phonebank roster 1")
