"""Organizers named per team (`/turnout organizers`): the use cases on SQLite and PostgreSQL,
the lookup the adapters ask, and forget-me."""

from typing import Any

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.organizers import NamedOrganizerCache
from bot.organizers.mentions import group, person
from bot.ports.replies import Listing
from bot.ports.storage import Storage, StorageUnavailable, UnitOfWork
from tests.conftest import TEAM, Harness


async def named(h: Harness) -> tuple[tuple[str, ...], str]:
    """Who is named in the test team (accounts), and its group, as stored."""
    async with h.storage.unit_of_work() as uow:
        found = await uow.organizers.named("test", TEAM)
    return tuple(p.account for p in found.people), found.group


async def test_an_organizer_names_someone_by_mention_and_the_adapters_see_it_at_once(
    harness: Harness,
) -> None:
    lookup = harness.bot.turnout.organizers
    assert not (await lookup.named("test", TEAM)).names("maria")

    said = await harness.say("Olivia", "/turnout organizers add <@maria|Maria>")

    assert said.startswith("Maria is now an organizer of this team."), said
    assert (await lookup.named("test", TEAM)).names("maria")
    assert not (await lookup.named("test", "another team")).names("maria")


async def test_a_volunteer_is_named_by_the_name_turnout_knows(harness: Harness) -> None:
    await harness.arrive("Maria")

    said = await harness.say("Olivia", "/turnout organizers add maria")

    assert said.startswith("Maria is now an organizer"), said
    assert await named(harness) == (("maria",), "")


async def test_the_list_says_why_and_has_a_remove_button_per_person(harness: Harness) -> None:
    await harness.say("Olivia", "/turnout organizers add <@maria|Maria>")
    await harness.say("Olivia", "/turnout organizers add <@sam|Sam>")

    listing = await harness.reply("Olivia", "/turnout organizers")

    assert isinstance(listing, Listing)
    assert [item.title for item in listing.items] == ["Maria", "Sam"]
    assert [item.button.label for item in listing.items if item.button] == ["Remove", "Remove"]
    assert "Name more with `/turnout organizers add @someone`" in listing.footer
    first = listing.items[0].button
    assert first is not None
    removed = await harness.press("Olivia", first.action)
    assert removed.startswith("Maria is no longer named an organizer of this team.")
    assert await named(harness) == (("sam",), "")
    again = await harness.press("Olivia", first.action)
    assert again.startswith("That person is no longer named an organizer here.")


async def test_a_volunteer_can_t_name_or_list_and_nothing_changes(harness: Harness) -> None:
    for line in ("/turnout organizers add <@maria|Maria>", "/turnout organizers"):
        said = await harness.say("Maria", line)
        assert said.startswith("Only organizers can see or name this team's organizers."), said
    assert await named(harness) == ((), "")


async def test_bad_input_gets_one_sentence_and_changes_nothing(harness: Harness) -> None:
    answers = {
        line: await harness.say("Olivia", line)
        for line in (
            "/turnout organizers add Zed",
            "/turnout organizers add <#C123|general>",
            "/turnout organizers add",
            "/turnout organizers frob",
            "/turnout organizers remove <@maria>",
            "/turnout organizers group <@maria>",
            "/turnout organizers group ***",
        )
    }

    assert answers["/turnout organizers add Zed"].startswith("I don't know a volunteer called")
    assert answers["/turnout organizers add <#C123|general>"].startswith("That isn't one person.")
    assert answers["/turnout organizers add"] == "Say who: type `/turnout organizers add @someone`."
    assert answers["/turnout organizers frob"].startswith("Type `/turnout organizers` for the list")
    assert answers["/turnout organizers remove <@maria>"].startswith("<@maria> isn't named")
    assert answers["/turnout organizers group <@maria>"].startswith("Name a group:")
    assert answers["/turnout organizers group ***"].startswith("Name a group:")
    for said in answers.values():
        assert said.count(". ") <= 3 and "\n" not in said
    assert await named(harness) == ((), "")


async def test_naming_twice_changes_nothing(harness: Harness) -> None:
    await harness.say("Olivia", "/turnout organizers add <@maria|Maria>")

    again = await harness.say("Olivia", "/turnout organizers add <@maria|Maria>")

    assert again == "Maria is already named an organizer here; nothing changed."
    assert await named(harness) == (("maria",), "")


async def test_a_group_or_role_is_named_and_cleared(harness: Harness) -> None:
    slack = await harness.say(
        "Olivia", "/turnout organizers group <!subteam^S0LEADS|@county-leads>"
    )
    assert slack == "The members of @county-leads are now organizers of this team."
    assert await named(harness) == ((), "S0LEADS")
    await harness.say("Olivia", "/turnout organizers group <@&1300>")
    assert await named(harness) == ((), "1300")
    await harness.say("Olivia", "/turnout organizers group @field-team")
    assert await named(harness) == ((), "field-team")
    listed = await harness.say("Olivia", "/turnout organizers")
    assert "Members of @field-team are organizers too." in listed

    off = await harness.say("Olivia", "/turnout organizers group off")

    assert off.startswith("No group is named any more.")
    assert await named(harness) == ((), "")


async def test_a_button_from_another_team_unnames_nobody_here(harness: Harness) -> None:
    await harness.say("Olivia", "/turnout organizers add <@maria|Maria>")
    listing = await harness.reply("Olivia", "/turnout organizers")
    assert isinstance(listing, Listing) and listing.items[0].button is not None
    stranger = Actor(Identity("test", "T-other", "olivia"), "Olivia", is_organizer=True)

    pressed = await harness.bot.turnout.press(stranger, listing.items[0].button.action)

    assert "no longer named an organizer here" in getattr(pressed, "text", "")
    assert await named(harness) == (("maria",), "")


async def test_forget_me_erases_where_the_person_was_named_and_nobody_else(
    harness: Harness,
) -> None:
    await harness.arrive("Maria")
    await harness.say("Olivia", "/turnout organizers add Maria")
    await harness.say("Olivia", "/turnout organizers add <@sam|Sam>")

    await harness.say("Maria", "/volunteer forget-me confirm")

    assert await named(harness) == (("sam",), "")
    assert not (await harness.bot.turnout.organizers.named("test", TEAM)).names("maria")


class _Down(Storage):
    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        raise StorageUnavailable("down")

    async def ping(self) -> None: ...

    async def close(self) -> None: ...


async def test_the_lookup_names_nobody_when_storage_can_t_answer() -> None:
    assert (await NamedOrganizerCache(_Down()).named("slack", "T1")).people == ()


async def test_the_lookup_keeps_an_answer_briefly_but_reads_again_after_a_change(
    harness: Harness,
) -> None:
    await harness.say("Olivia", "/turnout organizers")  # the team's first command
    now = [0.0]
    lookup = NamedOrganizerCache(harness.storage, ttl=10, now=lambda: now[0])
    assert not (await lookup.named("test", TEAM)).names("maria")
    async with harness.storage.unit_of_work() as uow:
        team = await uow.campaigns.team("test", TEAM)
        assert team is not None
        await uow.organizers.name(team.id, "maria", "Maria", harness.clock.now())
        await uow.commit()

    kept = (await lookup.named("test", TEAM)).names("maria")
    lookup.changed("test", TEAM)
    seen = (await lookup.named("test", TEAM)).names("maria")

    assert (kept, seen) == (False, True)
    now[0] = 11
    assert (await lookup.named("test", TEAM)).names("maria")


def test_mentions_are_read_from_slack_and_discord_and_handles() -> None:
    cases: dict[str, Any] = {
        "<@U0VAL|val>": person("<@U0VAL|val>"),
        "<@123>": person("<@123>"),
        "<@!123>": person("<@!123>"),
        "plain": person("maria"),
        "slack group": group("<!subteam^S0X|@leads>"),
        "role": group("<@&99>"),
        "handle": group("@county-leads"),
        "junk": group("<#C1>"),
    }
    assert cases["<@U0VAL|val>"] is not None and cases["<@U0VAL|val>"].account == "U0VAL"
    assert cases["<@U0VAL|val>"].name == "val"
    assert cases["<@123>"].account == "123" and cases["<@!123>"].account == "123"
    assert cases["plain"] is None
    assert (cases["slack group"].account, cases["slack group"].name) == ("S0X", "@leads")
    assert cases["role"].account == "99"
    assert cases["handle"].account == "county-leads"
    assert cases["junk"] is None
