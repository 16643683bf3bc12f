"""`/turnout erase-team` in workspaces installed through OAuth, through the real slack-bolt and
the fake Slack: the installer erases their workspace (asked, then the button), its tokens go
and it is refused from then on; a volunteer can't; a button crafted in another workspace
erases nothing."""

import uuid
from typing import Any
from urllib.parse import urlencode

from storage import SqlStorage
from storage.tables import metadata
from tests.adapters.slack.conftest import Rig, payload
from tests.adapters.slack.fake_slack import Call
from tests.adapters.slack.test_installs import (
    ANNA,
    BEN,
    COUNTY_A,
    COUNTY_B,
    VAL,
    VIC,
    both_counties_with_a_shift_tomorrow,
    installed,
    say,
)
from tests.adapters.slack.workspaces import pressed_in
from tests.integration.test_team_erasure import counts_of

__all__ = ["installed"]


def erase_button(answer: Call) -> dict[str, Any]:
    [button] = [b for b in answer.buttons() if str(b["action_id"]).startswith("turnout:erase-team")]
    return button


async def press_in(
    rig: Rig, team: str, user: tuple[str, str], button: dict[str, Any]
) -> list[Call]:
    """A button pressed in `team` by `user`; what the person was answered."""
    calls = await pressed_in(rig, team, user, button)
    return [c for c in calls if c.method in ("response_url", "chat.postEphemeral")]


async def campaign_of(rig: Rig, team: str) -> int | None:
    async with rig.bot.turnout.storage.unit_of_work() as uow:
        found = await uow.campaigns.team("slack", team)
    return found.campaign_id if found else None


async def test_the_installer_erases_the_workspace_and_its_tokens_go(
    installed: Rig, storage: SqlStorage
) -> None:
    await both_counties_with_a_shift_tomorrow(installed)
    campaign_a, campaign_b = (
        await campaign_of(installed, COUNTY_A),
        await campaign_of(installed, COUNTY_B),
    )
    assert campaign_a and campaign_b
    b_before = await counts_of(storage, campaign_b)

    asked = await say(installed, COUNTY_A, "/turnout erase-team", ANNA)
    assert "for good: 1 shift, 1 sign-up, 0 tasks and 2 volunteers" in asked.text, asked.text
    answers = await press_in(installed, COUNTY_A, ANNA, erase_button(asked))
    assert any("Done: this team's data is erased" in c.text for c in answers), answers

    assert {k: n for k, n in (await counts_of(storage, campaign_a)).items() if n} == {}
    assert await campaign_of(installed, COUNTY_A) is None
    async with storage.unit_of_work() as uow:
        assert await uow.installations.teams("slack") == [COUNTY_B]
    assert await counts_of(storage, campaign_b) == b_before
    # The workspace is no longer installed: its requests are turned away, nothing is created.
    since = len(installed.fake.calls)
    answered = await installed.post(
        urlencode(
            payload("slash_command")
            | {
                "team_id": COUNTY_A,
                "command": "/phonebank",
                "text": "list",
                "user_id": VAL[0],
                "user_name": VAL[1],
                "response_url": installed.fake.response_url(),
                "trigger_id": uuid.uuid4().hex,
            }
        )
    )
    await installed.listeners_finished()
    assert answered.status == 200
    [told] = [c for c in installed.fake.calls[since:] if c.method == "response_url"]
    assert "reinstall this app" in told.text
    assert await campaign_of(installed, COUNTY_A) is None


async def test_a_volunteer_may_not_erase_and_nothing_changes(
    installed: Rig, storage: SqlStorage
) -> None:
    await both_counties_with_a_shift_tomorrow(installed)
    campaign_a = await campaign_of(installed, COUNTY_A)
    assert campaign_a
    before = await counts_of(storage, campaign_a)
    refused = await say(installed, COUNTY_A, "/turnout erase-team confirm", VAL)
    assert "Only organizers can erase this team's data" in refused.text, refused.text
    asked = await say(installed, COUNTY_A, "/turnout erase-team", ANNA)
    answers = await press_in(installed, COUNTY_A, VAL, erase_button(asked))
    assert any("Only organizers can erase" in c.text for c in answers), answers
    assert await counts_of(storage, campaign_a) == before


async def test_a_confirm_button_crafted_in_another_workspace_erases_nothing(
    installed: Rig, storage: SqlStorage
) -> None:
    await both_counties_with_a_shift_tomorrow(installed)
    campaigns = [await campaign_of(installed, t) for t in (COUNTY_A, COUNTY_B)]
    before = [await counts_of(storage, c) for c in campaigns if c]
    tables = {t.name for t in metadata.sorted_tables}
    assert "teams" in tables
    # County A's button, pressed by County B's installer (an organizer there).
    asked = await say(installed, COUNTY_A, "/turnout erase-team", ANNA)
    answers = await press_in(installed, COUNTY_B, BEN, erase_button(asked))
    assert any("That button isn't for this team" in c.text for c in answers), answers
    assert [await counts_of(storage, c) for c in campaigns if c] == before
    async with storage.unit_of_work() as uow:
        assert await uow.installations.teams("slack") == [COUNTY_A, COUNTY_B]
    # And a volunteer there neither.
    answers = await press_in(installed, COUNTY_B, VIC, erase_button(asked))
    assert [await counts_of(storage, c) for c in campaigns if c] == before
