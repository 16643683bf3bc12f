"""`/turnout export`: CSV files for VAN, Mobilize or a spreadsheet, checked cell by cell
against a hand-built campaign, with the export log and the organizers' notice."""

import asyncio
import csv
import io
from datetime import timedelta
from typing import Any

import pytest

from bot.domain.export import ExportKind
from bot.exports import csv_files
from bot.exports.csv_files import COLUMNS, CsvFile, spreadsheet_safe
from bot.ports.replies import Message
from bot.volunteers.forms import ONBOARDING
from tests.conftest import Harness
from tests.unit.test_attendance import TO_START, joined

TO_DEBRIEF = TO_START + timedelta(hours=2, minutes=15)
# Sam's answer to "your ZIP code or county": what an attacker would type to run a formula.
FORMULA = '=HYPERLINK("https://evil.example","Click")'


async def campaign(h: Harness) -> None:
    """Olivia's shift #1 (Sat Nov 7, 6 PM EST, 3 seats): Maria made it (25 calls, 5
    conversations), Sam was marked a no-show, Dev erased himself afterwards, Ana waits."""
    await joined(h, "Maria", "Sam", "Dev")
    assert "waitlist" in await h.say("Ana", "/phonebank join 1")
    await h.submit(
        "Maria",
        ONBOARDING,
        interests=("phone_banking", "texting"),
        availability="weekends",
        location="53703",
    )
    await h.submit(
        "Sam", ONBOARDING, interests=("texting",), availability="flexible", location=FORMULA
    )
    await h.advance(TO_DEBRIEF)
    await h.say("Maria", "/phonebank debrief 1 25 5 Good list")
    await h.say("Olivia", "/phonebank mark 1 Sam no-show")
    await h.say("Dev", "/volunteer forget-me confirm")
    await h.say("Olivia", '/task post "Call the printer"')
    await h.say("Maria", "/task claim 1")
    h.messenger.clear()


async def export(
    h: Harness, line: str, who: str = "Olivia"
) -> tuple[Message, list[dict[str, str]], str]:
    reply = await h.reply(who, line)
    assert isinstance(reply, Message) and not reply.error, reply
    [attachment] = reply.files
    text = attachment.content.decode("utf-8")
    return reply, list(csv.DictReader(io.StringIO(text))), text


def by_name(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in rows}


async def test_the_volunteers_export_has_one_row_per_person_with_iso_dates_and_offsets(
    harness: Harness,
) -> None:
    await campaign(harness)

    reply, rows, text = await export(harness, "/turnout export volunteers all")

    assert text.splitlines()[0] == ",".join(COLUMNS[ExportKind.VOLUNTEERS])
    assert reply.files[0].filename == "turnout-volunteers-all-2026-11-07.csv"
    assert reply.files[0].mime_type == "text/csv"
    people = by_name(rows)
    assert sorted(people) == ["Ana", "Maria", "Olivia", "Sam", "a former volunteer"]
    maria = people["Maria"]
    assert maria["volunteer_number"] == "2"
    assert (maria["first_name"], maria["last_name"]) == ("Maria", "")
    assert (maria["platform"], maria["platform_user_id"]) == ("test", "maria")
    assert (maria["zip"], maria["county"]) == ("53703", "")
    assert maria["interests"] == "Phone banking; Texting"
    assert maria["availability"] == "Weekends"
    # The harness starts Mon Nov 2, 14:00 UTC: 9 AM in the campaign's zone, after DST ended.
    assert maria["joined_at"] == "2026-11-02T09:00:00-05:00"
    assert maria["onboarded_at"] == "2026-11-02T09:00:00-05:00"
    assert (maria["signups"], maria["attended"], maria["no_shows"]) == ("1", "1", "0")
    assert (maria["calls"], maria["conversations"], maria["status"]) == ("25", "5", "active")
    assert (people["Sam"]["attended"], people["Sam"]["no_shows"]) == ("0", "1")
    assert people["Ana"]["signups"] == "1" and people["Ana"]["attended"] == "0"


async def test_an_erased_volunteer_is_a_former_volunteer_with_no_identifying_field(
    harness: Harness,
) -> None:
    await campaign(harness)

    _, rows, text = await export(harness, "/turnout export volunteers all")

    dev = by_name(rows)["a former volunteer"]
    identifying = [c for c in COLUMNS[ExportKind.VOLUNTEERS] if c not in ("name", "status")]
    counts = {"signups", "attended", "no_shows", "couldnt_make_it", "calls", "conversations"}
    assert all(dev[c] == "" for c in identifying if c not in counts), dev
    assert dev["status"] == "erased" and dev["signups"] == "1"
    assert "Dev" not in text and ",dev," not in text


async def test_a_formula_typed_by_a_volunteer_arrives_as_text(harness: Harness) -> None:
    await campaign(harness)

    _, rows, _ = await export(harness, "/turnout export volunteers all")

    assert by_name(rows)["Sam"]["county"] == "'" + FORMULA


async def test_the_signups_export_has_status_attendance_and_the_debrief(harness: Harness) -> None:
    await campaign(harness)

    _, rows, _ = await export(harness, "/turnout export signups all")

    assert [r["name"] for r in rows] == ["Maria", "Sam", "a former volunteer", "Ana"]
    maria, sam, dev, ana = rows
    assert maria["shift_number"] == "1" and maria["shift_title"] == "Saturday calls"
    assert maria["shift_starts_at"] == "2026-11-07T18:00:00-05:00"
    assert maria["shift_ends_at"] == "2026-11-07T20:00:00-05:00"
    assert (maria["status"], maria["attended"], maria["outcome"]) == (
        "confirmed",
        "yes",
        "attended",
    )
    assert (maria["calls"], maria["conversations"]) == ("25", "5")
    assert (sam["attended"], sam["outcome"], sam["calls"]) == ("no", "no-show", "")
    assert dev["volunteer_number"] == dev["platform_user_id"] == "" and dev["attended"] == ""
    assert (ana["status"], ana["attended"]) == ("waitlisted", "")


async def test_the_signups_export_names_each_seat_s_position_and_the_shift_s_kind(
    harness: Harness,
) -> None:
    await harness.say(
        "Olivia",
        '/shift create canvass "Saturday doors" 2026-11-07 10:00 3h 4 "Library, 123 Main St"',
    )
    await harness.say("Olivia", "/shift positions 1 lead:1 canvasser:3")
    await harness.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 14:00 2h 3')
    await harness.say("Maria", "/shift join 1 lead")
    await harness.say("Sam", "/shift join 1 canvasser")
    await harness.say("Sam", "/shift join 2")

    _, rows, _ = await export(harness, "/turnout export signups all")

    shown = {(r["name"], r["shift_number"]): (r["shift_kind"], r["position"]) for r in rows}
    assert shown == {
        ("Maria", "1"): ("canvass", "lead"),
        ("Sam", "1"): ("canvass", "canvasser"),
        ("Sam", "2"): ("phonebank", ""),
    }
    assert COLUMNS[ExportKind.SIGNUPS][-2:] == ("shift_kind", "position")


async def test_the_shifts_export_counts_each_shift(harness: Harness) -> None:
    await campaign(harness)

    _, [shift], _ = await export(harness, "/turnout export shifts all")

    assert (shift["shift_number"], shift["title"], shift["status"]) == (
        "1",
        "Saturday calls",
        "scheduled",
    )
    assert (shift["seats"], shift["confirmed"], shift["waitlisted"]) == ("3", "3", "1")
    assert (shift["attended"], shift["no_shows"], shift["calls"]) == ("1", "1", "25")
    assert shift["starts_at"] == "2026-11-07T18:00:00-05:00"


async def test_the_tasks_export_has_one_row_per_claim(harness: Harness) -> None:
    await campaign(harness)

    _, [claim], _ = await export(harness, "/turnout export tasks all")

    assert (claim["task_number"], claim["task_title"], claim["name"]) == (
        "1",
        "Call the printer",
        "Maria",
    )
    assert claim["status"] == "claimed" and claim["claimed_at"].endswith("-05:00")


async def test_the_default_period_is_the_last_30_days(harness: Harness) -> None:
    await campaign(harness)
    harness.clock.advance(timedelta(days=40))
    await harness.arrive("Lee")

    _, recent, _ = await export(harness, "/turnout export volunteers")
    _, same, _ = await export(harness, "/turnout export volunteers 30d")
    _, everyone, _ = await export(harness, "/turnout export volunteers all")
    _, no_shifts, text = await export(harness, "/turnout export signups")

    assert [r["name"] for r in recent] == [r["name"] for r in same] == ["Lee"]
    assert len(everyone) == 6
    assert no_shifts == [] and text.count("\n") == 1, "a period with no data: the header only"


@pytest.mark.parametrize("kind", list(ExportKind))
async def test_headers_are_spanish_only_when_asked_and_the_cells_stay_the_same(
    harness: Harness, kind: ExportKind
) -> None:
    await campaign(harness)

    _, _, english = await export(harness, f"/turnout export {kind.value} all")
    _, _, spanish = await export(harness, f"/turnout export {kind.value} es all")
    _, _, again = await export(harness, f"/turnout export {kind.value} all es")

    english_header, *english_rows = list(csv.reader(io.StringIO(english)))
    spanish_header, *spanish_rows = list(csv.reader(io.StringIO(spanish)))
    assert english_header == list(COLUMNS[kind]), "English unless asked: what VAN expects"
    assert spanish == again, "the language and the period in either order"
    assert len(spanish_header) == len(english_header)
    assert not set(spanish_header) & set(english_header), spanish_header
    assert len(set(spanish_header)) == len(spanish_header), "each column its own header"
    assert spanish_rows == english_rows, "the data stays language-neutral"


async def test_an_export_language_other_than_en_or_es_is_refused(harness: Harness) -> None:
    await campaign(harness)

    refusal = await harness.say("Olivia", "/turnout export volunteers all fr")

    assert "didn't expect `fr`" in refusal and "[es]" in refusal, refusal


async def test_every_export_is_logged_and_the_organizers_are_told(harness: Harness) -> None:
    await campaign(harness)

    reply, _, _ = await export(harness, "/turnout export volunteers all")
    await harness.deliver()

    assert "5 volunteers" in reply.text and "keep it safe" in reply.text
    [told] = harness.messenger.texts("#organizers")
    assert told.startswith("📤 Olivia (#1) exported volunteers (all time, 5 rows) as a CSV file")
    assert "Sat Nov 7" in told
    async with harness.storage.unit_of_work() as uow:
        [made] = await uow.exports.made(1)
    assert (made.kind, made.period.value, made.rows) == (ExportKind.VOLUNTEERS, "all", 5)
    assert made.exporter_id == 1 and made.at == harness.clock.now()


async def test_an_exporter_who_erases_themselves_leaves_the_log_anonymous(harness: Harness) -> None:
    await campaign(harness)
    harness.organizers.add("Maria")
    await export(harness, "/turnout export signups", who="Maria")

    await harness.reply("Maria", "/volunteer forget-me confirm")
    await harness.deliver()

    async with harness.storage.unit_of_work() as uow:
        [made] = await uow.exports.made(1)
    assert made.exporter_id is None and made.kind is ExportKind.SIGNUPS
    [told] = harness.messenger.texts("#organizers")
    assert told.startswith("📤 a former volunteer exported signups"), told
    assert "Maria" not in told


async def test_volunteers_cannot_export_and_nothing_is_logged(harness: Harness) -> None:
    await campaign(harness)

    refused = await harness.reply("Maria", "/turnout export volunteers all")
    await harness.deliver()

    assert isinstance(refused, Message) and refused.error and not refused.files
    assert refused.text.startswith("Only organizers can export the campaign's data.")
    assert harness.messenger.texts("#organizers") == []
    async with harness.storage.unit_of_work() as uow:
        assert await uow.exports.made(1) == []


async def test_a_mistyped_export_says_what_to_type(harness: Harness) -> None:
    cases = {
        "/turnout export donors": "I can't export `donors`. Choose volunteers, signups, shifts",
        "/turnout export volunteers 7d": "`7d` isn't a period I know: type `30d`",
        "/turnout export": "I'm missing what to export (volunteers | signups | shifts | tasks)",
        "/turnout export tasks all now": "I didn't expect `now` there.",
    }
    for line, said in cases.items():
        reply = await harness.reply("Olivia", line)
        assert isinstance(reply, Message) and reply.error, line
        assert said in reply.text, (line, reply.text)
    async with harness.storage.unit_of_work() as uow:
        assert await uow.exports.made(1) == []


def test_every_formula_start_is_defused_and_other_text_is_left_alone() -> None:
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert spreadsheet_safe(cell) == "'" + cell
    for cell in ("", "Maria", "53703", "2026-11-07T18:00:00-05:00", "a=b", " =1"):
        assert spreadsheet_safe(cell) == cell


async def test_others_can_write_while_an_export_is_being_read(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await campaign(harness)
    reading, go_on = asyncio.Event(), asyncio.Event()
    write = csv_files.write

    async def slow_write(*args: Any) -> CsvFile:
        reading.set()
        await go_on.wait()
        return await write(*args)

    monkeypatch.setattr(csv_files, "write", slow_write)
    exporting = asyncio.ensure_future(harness.reply("Olivia", "/turnout export volunteers all"))
    await asyncio.wait_for(reading.wait(), 5)

    # On SQLite this would queue behind the export if the export held the write turn.
    moved = await asyncio.wait_for(harness.reply("Maria", "/volunteer tz America/Chicago"), 5)
    go_on.set()
    reply = await asyncio.wait_for(exporting, 5)

    assert isinstance(moved, Message) and "America/Chicago" in moved.text
    assert isinstance(reply, Message) and reply.files and "5 volunteers" in reply.text
    async with harness.storage.unit_of_work() as uow:
        [made] = await uow.exports.made(1)
    assert made.rows == 5


async def test_a_display_name_is_split_at_its_first_space_for_first_and_last_name(
    harness: Harness,
) -> None:
    await harness.arrive("Mary Jo Lopez")

    _, rows, _ = await export(harness, "/turnout export volunteers")

    [mary] = [r for r in rows if r["name"] == "Mary Jo Lopez"]
    assert (mary["first_name"], mary["last_name"]) == ("Mary", "Jo Lopez")
