"""Organizers: in SLACK_ORGANIZERS, in SLACK_ORGANIZER_GROUP, or (when enabled) admins."""

import pytest

from tests.adapters.slack.conftest import GUS, OLIVIA, VERA, Rig
from tests.adapters.slack.fake_slack import Call

CREATE = '/phonebank create "Evening calls" 2026-11-28 18:00 2h 5'
ADA = ("U0ADMIN", "ada")


async def creates(rig: Rig, user: tuple[str, str]) -> bool:
    """Whether `user` could create a shift: a public notice, or a private refusal."""
    await rig.command(CREATE, user=user)

    def answers() -> list[Call]:
        return [c for c in rig.fake.posts() if c.get("user") == user[0] or "Created #" in c.text]

    await rig.fake.wait_until(lambda: bool(answers()))
    return "Created #" in answers()[0].text


async def test_a_configured_organizer_can_create_shifts(rig: Rig) -> None:
    assert await creates(rig, OLIVIA)


async def test_a_member_of_the_organizer_user_group_can_create_shifts(rig: Rig) -> None:
    assert await creates(rig, GUS)
    assert rig.fake.calls_to("usergroups.users.list", usergroup="S0ORGS")


async def test_a_volunteer_cannot(rig: Rig) -> None:
    assert not await creates(rig, VERA)


async def test_workspace_admins_are_not_organizers_unless_configured(rig: Rig) -> None:
    assert not await creates(rig, ADA)


@pytest.mark.parametrize("slack_options", [{"admins_are_organizers": True}], indirect=True)
async def test_workspace_admins_are_organizers_when_configured(rig: Rig) -> None:
    assert await creates(rig, ADA)
    assert rig.fake.calls_to("users.info", user=ADA[0])


async def test_the_group_is_looked_up_once_for_a_burst_of_commands(rig: Rig) -> None:
    for _ in range(5):
        await rig.command("/phonebank list")

    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=5)

    assert len(rig.fake.calls_to("usergroups.users.list")) == 1


async def test_a_member_made_group_named_organizers_grants_nothing(rig: Rig) -> None:
    # Listed first, with the display name "organizers" but a handle of its own.
    rig.fake.usergroups.insert(
        0, {"id": "S0FANS", "handle": "fans", "name": "organizers", "users": [VERA[0]]}
    )

    assert not await creates(rig, VERA)
    assert await creates(rig, GUS)
    assert rig.fake.calls_to("usergroups.users.list", usergroup="S0ORGS")
    assert not rig.fake.calls_to("usergroups.users.list", usergroup="S0FANS")


async def test_an_organizer_s_user_id_from_another_workspace_is_not_an_organizer(rig: Rig) -> None:
    from urllib.parse import parse_qsl, urlencode

    fields = dict(parse_qsl(rig.command_body(CREATE, OLIVIA)))
    fields |= {"team_id": "T0OTHER", "team_domain": "elsewhere"}
    await rig.post(urlencode(fields))

    refusal = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert refusal.text.startswith("Only organizers can create phone bank shifts.")
    assert not [c for c in rig.fake.posts() if "Created #" in c.text]


async def test_a_refusal_says_how_someone_becomes_an_organizer_here(rig: Rig) -> None:
    await rig.command("/volunteer new", user=VERA)

    refusal = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert refusal.text.startswith(
        "Only organizers can see who is waiting to be contacted. To become one, ask whoever "
        "manages the @organizers user group in Slack to add you."
    )


@pytest.mark.parametrize(
    ("slack_options", "says"),
    [
        (
            {"organizer_group": ""},
            "To become one, ask whoever runs Turnout to add your Slack member ID to its "
            "SLACK_ORGANIZERS setting.",
        ),
        (
            {"organizer_group": "", "organizers": (), "admins_are_organizers": True},
            "Here the workspace's admins and owners are the organizers.",
        ),
        (
            {"organizer_group": "", "organizers": ()},
            "No organizers are set up yet: whoever runs Turnout names them in its "
            "SLACK_ORGANIZERS or SLACK_ORGANIZER_GROUP setting.",
        ),
    ],
    indirect=["slack_options"],
)
async def test_the_refusal_follows_how_organizers_are_configured(rig: Rig, says: str) -> None:
    await rig.command("/volunteer new", user=VERA)

    refusal = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert f"Only organizers can see who is waiting to be contacted. {says}" in refusal.text
