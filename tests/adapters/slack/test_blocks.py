"""Block Kit rendering: escaped text, clickable links, Slack's size limits, form answers."""

from typing import Any

import pytest

from adapters.slack.blocks import answers, blocks_for, error_block, escape, modal, mrkdwn, unescape
from bot.catalogue import parse
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Button, ButtonStyle, Item, Listing, Message
from bot.shifts.commands import CreateShift
from bot.volunteers.forms import onboarding_form

ORGANIZER = Actor(Identity("slack", "T1", "U1"), "Olu", is_organizer=True)


def test_escaping_makes_mentions_inert_and_unescaping_restores_what_was_typed() -> None:
    typed = "<!channel> & <@U1> > 3"

    assert escape(typed) == "&lt;!channel&gt; &amp; &lt;@U1&gt; &gt; 3"
    assert unescape(escape(typed)) == typed
    assert unescape("&amp;lt;") == "&lt;", "an escaped escape stays literal"


def test_links_become_clickable_without_their_trailing_punctuation() -> None:
    assert mrkdwn("Dial https://d.example/a?b=1&c=2.") == "Dial <https://d.example/a?b=1&amp;c=2>."
    assert mrkdwn("<https://evil.example|click>") == "&lt;<https://evil.example>|click&gt;"


def test_every_mrkdwn_text_is_verbatim_so_bare_at_here_is_not_parsed() -> None:
    blocks = blocks_for(Message("hello @here", buttons=(Button("Go", "turnout:shifts"),)))

    assert blocks[0]["text"] == {"type": "mrkdwn", "text": "hello @here", "verbatim": True}


def test_a_long_message_is_split_into_sections_slack_accepts() -> None:
    blocks = blocks_for(Message("\n".join("x" * 100 for _ in range(100))))

    assert len(blocks) == 4
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks)


def test_a_listing_shows_each_item_with_its_button_and_the_empty_text_when_empty() -> None:
    listing = Listing(
        "Upcoming",
        (Item("#1 Calls", "Sat", Button("Join", "turnout:join:1", ButtonStyle.PRIMARY)),),
        footer="Page 1",
    )

    blocks = blocks_for(listing)

    assert blocks[1]["accessory"]["value"] == "turnout:join:1"
    assert blocks[-1]["type"] == "context"
    assert blocks_for(Listing("Upcoming", (), empty="Nothing yet."))[0]["text"]["text"] == (
        "Nothing yet."
    )


def test_two_buttons_with_one_action_get_distinct_action_ids() -> None:
    blocks = blocks_for(
        Message("x", buttons=(Button("A", "turnout:shifts"), Button("B", "turnout:shifts")))
    )

    ids = [e["action_id"] for e in blocks[-1]["elements"]]
    assert len(set(ids)) == 2 and {e["value"] for e in blocks[-1]["elements"]} == {"turnout:shifts"}


def test_answers_are_read_from_every_kind_of_input() -> None:
    state: dict[str, dict[str, dict[str, Any]]] = {
        "a": {"a": {"type": "checkboxes", "selected_options": [{"value": "x"}, {"value": "y"}]}},
        "b": {"b": {"type": "static_select", "selected_option": None}},
        "c": {"c": {"type": "datepicker", "selected_date": "2026-11-28"}},
        "d": {"d": {"type": "timepicker", "selected_time": "18:00"}},
        "e": {"e": {"type": "number_input", "value": "12"}},
        "f": {"f": {"type": "plain_text_input", "value": None}},
    }

    assert answers(state) == {
        "a": ("x", "y"),
        "b": "",
        "c": "2026-11-28",
        "d": "18:00",
        "e": "12",
        "f": "",
    }


def test_a_refusal_is_shown_under_the_field_it_is_about() -> None:
    view = modal(onboarding_form("Nina"))

    assert error_block(view["blocks"], "Type your ZIP code or county as text.") == "location"
    assert error_block(view["blocks"], "Something odd.") == "interests"
    assert len(view["title"]["text"]) <= 24


@pytest.mark.parametrize(
    "typed", ["https://dialer.example/abc", "<https://dialer.example/abc>",
              "<https://dialer.example/abc|dialer>", '"https://dialer.example/abc"',
              "&lt;https://dialer.example/abc&gt;"],
)
def test_create_reads_the_link_also_as_slack_formats_it(typed: str) -> None:
    shift = parse(ORGANIZER, unescape(f'/phonebank create "Calls" 2026-11-28 18:00 2h 12 {typed}'))
    assert isinstance(shift, CreateShift)
    assert shift.link == "https://dialer.example/abc"


def test_only_links_are_unwrapped_never_mentions() -> None:
    typed = "see <https://d.example/a|the script> with <@U1> <#C1|calls> <!here>"
    assert unescape(typed) == "see https://d.example/a with <@U1> <#C1|calls> <!here>"
