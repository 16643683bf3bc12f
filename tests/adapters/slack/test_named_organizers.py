"""Organizers named per workspace (`/turnout organizers`), through the real slack-bolt against
the fake Slack: in installed workspaces the installer names people and a user group, who may
then do what organizers do there, and only there; token mode counts them too."""

from tests.adapters.slack.conftest import GUS, VERA, WALT, Rig
from tests.adapters.slack.fake_slack import Call
from tests.adapters.slack.test_delivery import TOMORROW
from tests.adapters.slack.test_installs import (
    ANNA,
    BEN,
    COUNTY_A,
    COUNTY_B,
    VAL,
    VIC,
    install,
    installed,
    say,
)
from tests.adapters.slack.test_organizers import CREATE
from tests.adapters.slack.workspaces import pressed_in

__all__ = ["installed"]  # the fixture, used by name

LEADS = {"id": "S0LEADS", "handle": "county-leads", "name": "County leads", "users": [VIC[0]]}


async def created(rig: Rig, team: str, who: tuple[str, str]) -> bool:
    answer = await say(rig, team, TOMORROW, who)
    return "Only organizers" not in answer.text


async def creates(rig: Rig, user: tuple[str, str]) -> bool:
    """Whether `user` could create a shift now (token mode): a public notice, or a refusal."""
    since = len(rig.fake.calls)
    await rig.command(CREATE, user=user)

    def answers() -> list[Call]:
        return [
            c
            for c in rig.fake.calls[since:]
            if c.method in ("chat.postMessage", "chat.postEphemeral")
            and (c.get("user") == user[0] or "Created #" in c.text)
        ]

    await rig.fake.wait_until(lambda: bool(answers()))
    return "Created #" in answers()[0].text


async def named_in(rig: Rig, team: str) -> tuple[str, ...]:
    async with rig.bot.turnout.storage.unit_of_work() as uow:
        named = await uow.organizers.named("slack", team)
    return tuple(p.account for p in named.people)


async def test_the_installer_names_someone_who_can_then_create_a_shift_there_only(
    installed: Rig,
) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await install(installed, COUNTY_B, "County B", BEN)
    assert not await created(installed, COUNTY_A, VAL)

    answer = await say(installed, COUNTY_A, f"/turnout organizers add <@{VAL[0]}|val>", ANNA)

    assert "val is now an organizer of this team" in answer.text, answer.text
    assert await created(installed, COUNTY_A, VAL)
    # The same member ID in another workspace is nobody's organizer there.
    assert not await created(installed, COUNTY_B, (VAL[0], "val"))


async def test_a_member_of_the_named_user_group_is_an_organizer(installed: Rig) -> None:
    installed.fake.usergroups.append(LEADS)
    await install(installed, COUNTY_B, "County B", BEN)
    assert not await created(installed, COUNTY_B, VIC)

    answer = await say(
        installed, COUNTY_B, "/turnout organizers group <!subteam^S0LEADS|@county-leads>", BEN
    )

    assert "The members of @county-leads are now organizers" in answer.text, answer.text
    assert await created(installed, COUNTY_B, VIC)
    # Asked with that workspace's own token.
    asked = installed.fake.calls_to("usergroups.users.list", usergroup="S0LEADS")
    assert {installed.fake.team_of(c) for c in asked} == {COUNTY_B}


async def test_a_volunteer_can_t_name_anyone_and_nothing_changes(installed: Rig) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)

    answer = await say(installed, COUNTY_A, f"/turnout organizers add <@{VAL[0]}>", VAL)

    assert answer.text.startswith("Only organizers can"), answer.text
    assert await named_in(installed, COUNTY_A) == ()


async def test_a_word_that_names_nobody_gets_one_sentence_and_changes_nothing(
    installed: Rig,
) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)

    unknown = await say(installed, COUNTY_A, "/turnout organizers add Zed", ANNA)
    channel = await say(installed, COUNTY_A, "/turnout organizers add <#C0GENERAL|general>", ANNA)

    assert "I don't know a volunteer called “Zed”" in unknown.text, unknown.text
    assert "That isn't one person" in channel.text, channel.text
    assert await named_in(installed, COUNTY_A) == ()


async def test_the_list_says_why_and_its_remove_button_unnames(installed: Rig) -> None:
    await install(installed, COUNTY_A, "County A", ANNA)
    await say(installed, COUNTY_A, f"/turnout organizers add <@{VAL[0]}|val>", ANNA)

    listed = await say(installed, COUNTY_A, "/turnout organizers", ANNA)

    assert "whoever installed Turnout" in listed.text and "val" in listed.text, listed.text
    removed = await pressed_in(installed, COUNTY_A, ANNA, listed.button("Remove"))
    [told] = [c for c in removed if c.method == "chat.postEphemeral"]
    assert "val is no longer named an organizer" in told.text, told.text
    assert await named_in(installed, COUNTY_A) == ()
    assert not await created(installed, COUNTY_A, VAL)


async def test_in_token_mode_a_named_person_is_an_organizer(rig: Rig) -> None:
    assert not await creates(rig, WALT)

    # Gus is an organizer through the configured @organizers group.
    await rig.command(f"/turnout organizers add <@{WALT[0]}|walt>", user=GUS)
    named = await rig.fake.wait_for("chat.postEphemeral", user=GUS[0])

    assert "walt is now an organizer of this team" in named.text, named.text
    assert await creates(rig, WALT)
    assert not await creates(rig, VERA)
