"""Newcomers on Discord: member join, the welcome DM, onboarding in a modal with select menus."""

import logging
from pathlib import Path

import pytest

from bot.app import redaction
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import ORGANIZERS, buttons
from tests.adapters.discord.interactions import uid

SERVER = "@1300000000000000100"
ONBOARDING_ANSWERS: dict[str, str | list[str]] = {
    "interests[]": ["phone_banking", "texting"],
    "availability": "weekends",
    "location": "53703",
}


async def test_a_member_joining_gets_a_welcome_dm_and_organizers_hear_with_mark_contacted(
    world: World,
) -> None:
    await world.join_server("Jamal")
    await world.deliver()

    (welcome,) = world.fake.dms_to(uid("Jamal"))
    assert welcome.content.startswith("Welcome to Dane County Democrats, Jamal! 🎉")
    assert [(b["label"], b["custom_id"]) for b in buttons(welcome.json)] == [
        ("Tell us about yourself", f"turnout:profile{SERVER}"),
        ("See upcoming shifts", f"turnout:shifts{SERVER}"),
    ]
    (alert,) = world.fake.messages_in(ORGANIZERS)
    assert alert.content.startswith("👋 New volunteer: Jamal (#1) just arrived")
    assert [(b["label"], b["custom_id"]) for b in buttons(alert.json)] == [
        ("Mark contacted", "turnout:contacted:1")
    ]


async def test_pressing_mark_contacted_marks_the_newcomer_contacted(world: World) -> None:
    await world.join_server("Jamal")

    pressed = await world.press("Olivia", "turnout:contacted:1")
    newcomers = await world.slash("Olivia", "volunteer", "new")

    assert pressed.text == "Marked Jamal as contacted. Thanks for reaching out!"
    assert "Jamal" not in newcomers.text


async def test_onboarding_from_the_welcome_dm_uses_select_menus_and_saves_the_profile(
    world: World,
) -> None:
    await world.create_shift("Saturday calls")
    await world.join_server("Jamal")

    opened = await world.press("Jamal", f"turnout:profile{SERVER}", dm=True)

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == f"turnout:form:onboarding{SERVER}"
    interests, availability, location = (c["component"] for c in modal["components"])
    assert interests["type"] == 3 and interests["custom_id"] == "interests[]"
    assert interests["max_values"] == len(interests["options"]) == 7
    assert {"label": "Phone banking", "value": "phone_banking"}.items() <= (
        interests["options"][0].items()
    )
    assert availability["type"] == 3 and availability["max_values"] == 1
    assert location["type"] == 4

    saved = await world.submit(
        "Jamal", f"turnout:form:onboarding{SERVER}", ONBOARDING_ANSWERS, dm=True
    )
    await world.deliver()

    assert saved.text.startswith("Thanks, Jamal! An organizer will be in touch soon.")
    assert "Join #1" in saved.text
    (button,) = buttons(saved.json["data"])
    assert button["custom_id"] == f"turnout:join:1{SERVER}"
    answered = world.fake.messages_in(ORGANIZERS)[-1]
    assert answered.content.splitlines()[:4] == [
        "📝 Jamal (#2) answered:",
        "Interests: Phone banking, Texting",
        "Availability: Weekends",
        "ZIP or county: 53703",
    ]


async def test_volunteer_profile_in_the_server_opens_the_same_modal(world: World) -> None:
    opened = await world.slash("Maria", "volunteer", "profile")
    saved = await world.submit("Maria", "turnout:form:onboarding", ONBOARDING_ANSWERS)

    assert opened.json["data"]["custom_id"] == "turnout:form:onboarding"
    assert "Thanks, Maria!" in saved.text


async def test_choosing_no_interest_is_refused_kindly(world: World) -> None:
    answer = await world.submit(
        "Maria",
        "turnout:form:onboarding",
        {"interests[]": [], "availability": "weekends", "location": "53703"},
    )

    assert answer.text == "Pick at least one thing you'd like to help with."


async def test_a_configured_campaign_name_is_used_instead_of_the_server_s(tmp_path: Path) -> None:
    world = await start_world(tmp_path, campaign_name="Friends of Ana")
    try:
        await world.join_server("Jamal")

        (welcome,) = world.fake.dms_to(uid("Jamal"))
        assert welcome.content.startswith("Welcome to Friends of Ana, Jamal! 🎉")
    finally:
        await stop_world(world)


async def test_markdown_in_an_answer_reaches_organizers_as_plain_text(world: World) -> None:
    phishing = "[Verify your account](https://evil.example/login)"
    answers = ONBOARDING_ANSWERS | {"location": phishing}

    await world.submit("Maria", "turnout:form:onboarding", answers)
    await world.deliver()

    answered = world.fake.messages_in(ORGANIZERS)[-1]
    assert "ZIP or county: \\[Verify your account\\](https://evil.example/login)" in (
        answered.content
    )
    assert phishing not in answered.content


async def test_a_newcomer_and_their_zip_never_reach_the_log_at_debug(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    redaction.install()  # as `turnout run` does, on the root handlers (caplog's among them)

    await world.join_server("Jamal")
    await world.submit("Jamal", f"turnout:form:onboarding{SERVER}", ONBOARDING_ANSWERS, dm=True)
    await world.deliver()
    erased = await world.press("Jamal", "turnout:forget")
    assert "erased" in erased.text

    assert caplog.records
    assert "Jamal" not in caplog.text and "53703" not in caplog.text
