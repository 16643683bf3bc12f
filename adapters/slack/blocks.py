"""Typed replies as Block Kit: messages, listings with buttons, and forms as modals or inline.

Every piece of text may hold something a person wrote (a task title, an announcement), so all
of it is escaped before Slack sees it: `<!channel>` arrives as the harmless `&lt;!channel&gt;`.
mrkdwn objects are `verbatim`, so Slack does not turn a bare `@here` into a mention either;
links are wrapped by hand to stay clickable. Times the core marked (bot/kernel/timefmt.py) become
Slack date formatting, so each reader sees their own zone; wherever Slack shows plain text
(notification previews, buttons, modal titles) they read as the core wrote them, zone named.
"""

import re
from typing import Any

from bot.kernel import timefmt
from bot.ports.replies import (
    Button,
    ButtonStyle,
    ChoiceField,
    DateField,
    Field,
    Form,
    Item,
    Listing,
    Message,
    NumberField,
    Page,
    Reply,
    TextField,
    TimeField,
)

Block = dict[str, Any]

# Slack's limits (https://api.slack.com/reference/block-kit).
_SECTION_TEXT = 3000
_BUTTON_TEXT = 75
_OPTION_TEXT = 75
_MODAL_TITLE = 24
_MESSAGE_BLOCKS = 50
_HOME_BLOCKS = 100
_HEADER_TEXT = 150
_CHECKBOX_OPTIONS = 10

# Form modals and inline forms are named `form:<form_id>`; their answers come back under it.
FORM_PREFIX = "form:"

_URL = re.compile(r"https?://(?:(?!&lt;|&gt;)[^\s|])+")
_URL_TRAILING = ".,;:!?)]}'\""
# A link Slack recognised, as a word of its own: <url> or <url|label>. Mentions (<@U1>, <#C1>,
# <!here>) are left as they are, for the core to refuse.
_SLACK_LINK = re.compile(r"(?<!\S)<([^\s<>|@#!][^\s<>|]*)(?:\|[^<>]*)?>(?!\S)")


def escape(text: str) -> str:
    """Text made inert for mrkdwn: `<!channel>` and `<@U123>` can no longer ping anyone."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slash-command text as it was typed: Slack sends `&`, `<` and `>` escaped, and may send
    a link it recognised as `<url>` or `<url|label>`, which becomes the bare url."""
    typed = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return _SLACK_LINK.sub(lambda match: match.group(1), typed)


def mrkdwn(text: str) -> str:
    """Escaped text with its web links made clickable (`verbatim` would otherwise leave them)
    and its marked times as Slack dates."""

    def link(match: re.Match[str]) -> str:
        url = match.group(0)
        trimmed = url.rstrip(_URL_TRAILING)
        return f"<{trimmed}>{url[len(trimmed) :]}"

    # Escaping first: only Turnout's own marks (which people can't type) become `<!date…>`.
    return timefmt.render(_URL.sub(link, escape(text)), slack_date)


def slack_date(moment: timefmt.Moment) -> str:
    """A marked time as Slack date formatting, in each reader's zone, with the core's words
    (the reader's zone as Turnout knows it) where Slack can't format it."""
    if moment.style is timefmt.Style.COUNTDOWN:
        # Slack has no countdown that stays true; the words are right when sent.
        return moment.fallback
    return f"<!date^{moment.unix}^{{date_short_pretty}} at {{time}}|{moment.fallback}>"


def plain(text: str, limit: int = _SECTION_TEXT) -> dict[str, Any]:
    """A plain_text object: Slack never parses mentions (nor dates) in these."""
    return {"type": "plain_text", "text": _clip(timefmt.plain(text) or " ", limit), "emoji": True}


def blocks_for(reply: Message | Listing | Page, *, room: int = _MESSAGE_BLOCKS) -> list[Block]:
    """A message, listing or page as message blocks (at most `room` of them)."""
    if isinstance(reply, Message):
        blocks = _sections(reply.text)
        if reply.buttons:
            blocks.append(_actions(reply.buttons))
        return blocks[:room]
    if isinstance(reply, Page):
        return _page(reply, room)
    if not reply.items:
        return _sections(reply.empty)[:room]
    blocks = _sections(reply.heading)
    blocks += _items(reply.items, room - len(blocks) - (1 if reply.footer else 0))
    if reply.footer:
        blocks.append({"type": "context", "elements": [_text(mrkdwn(reply.footer))]})
    return blocks


def home_view(page: Page) -> dict[str, Any]:
    """A page as the Home tab's view, published with views.publish."""
    return {"type": "home", "blocks": blocks_for(page, room=_HOME_BLOCKS)}


def _page(page: Page, room: int) -> list[Block]:
    """A heading, then each section under its own header, its items or its `empty` words."""
    blocks: list[Block] = [{"type": "header", "text": plain(page.heading, _HEADER_TEXT)}]
    for section in page.sections:
        # A section that can't show at least its header and one line is left out whole.
        if room - len(blocks) < 3:
            break
        blocks += [
            {"type": "divider"},
            {"type": "header", "text": plain(section.heading, _HEADER_TEXT)},
        ]
        if section.items:
            blocks += _items(section.items, room - len(blocks))
        else:
            blocks.append({"type": "context", "elements": [_text(mrkdwn(section.empty))]})
    return blocks


def _items(items: tuple[Item, ...], room: int) -> list[Block]:
    """Each item as a section with its button beside it (and any more in a row beneath)."""
    blocks: list[Block] = []
    for item in items:
        needed = 2 if item.more else 1
        if len(blocks) + needed > room:
            break
        text = f"*{mrkdwn(item.title)}*"
        if item.detail:
            text += "\n" + mrkdwn(item.detail)
        section: Block = {"type": "section", "text": _text(text)}
        if item.button is not None:
            section["accessory"] = _button(item.button, item.button.action)
        blocks.append(section)
        if item.more:
            blocks.append(_actions(item.more))
    return blocks


def summary(reply: Reply) -> str:
    """The notification text that goes with the blocks (escaped: it is mrkdwn too)."""
    match reply:
        case Message(text=text):
            said = text
        case Listing(heading=heading, items=items, empty=empty):
            said = heading if items else empty
        case Page(heading=heading):
            said = heading
        case Form(title=title, intro=intro):
            said = f"{title}: {intro}"
    # A push preview shows no formatting: times read in the reader's zone, named.
    return escape(_clip(timefmt.plain(said), _SECTION_TEXT))


def message(reply: Reply) -> dict[str, Any]:
    """chat.postMessage arguments for a reply: its blocks and its notification text."""
    blocks = inline_form(reply) if isinstance(reply, Form) else blocks_for(reply)
    return {"text": summary(reply), "blocks": blocks}


def modal(form: Form, *, metadata: str = "") -> dict[str, Any]:
    """A form as a modal view, opened with views.open."""
    return {
        "type": "modal",
        "callback_id": FORM_PREFIX + form.form_id,
        "title": plain(form.title, _MODAL_TITLE),
        "submit": plain(form.submit_label, _MODAL_TITLE),
        "close": plain("Cancel", _MODAL_TITLE),
        "private_metadata": metadata,
        "blocks": [*_sections(form.intro), *(_input(field) for field in form.fields)],
    }


def inline_form(form: Form) -> list[Block]:
    """A form as message blocks with a Save button, answered in place (the welcome DM)."""
    return [
        *_sections(form.intro),
        *(_input(field) for field in form.fields),
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": plain(form.submit_label, _BUTTON_TEXT),
                    "action_id": FORM_PREFIX + form.form_id,
                    "value": form.form_id,
                    "style": "primary",
                }
            ],
        },
    ]


def answers(state_values: dict[str, dict[str, dict[str, Any]]]) -> dict[str, str | tuple[str, ...]]:
    """The answers in a view's or message's `state.values`, keyed by field name.

    Choices come back as the option values; anything else as one string, empty when blank.
    """
    found: dict[str, str | tuple[str, ...]] = {}
    for block_id, elements in state_values.items():
        for element in elements.values():
            found[block_id] = _answer(element)
    return found


def error_block(view_blocks: list[Block], error: str, *, about: str = "") -> str | None:
    """The input a refusal is about (`about`, when the core named it), else the one it is
    most likely about, to show the sentence right under it."""
    inputs = [b for b in view_blocks if b.get("type") == "input" and b.get("block_id")]
    if any(block["block_id"] == about for block in inputs):
        return about
    said = error.lower()
    for block in inputs:
        label = str(block.get("label", {}).get("text", "")).lower()
        words = [
            str(block["block_id"]).lower(),
            *(w for w in re.findall(r"[a-z]+", label) if len(w) > 3),
        ]
        if any(re.search(rf"\b{re.escape(word)}", said) for word in words):
            return str(block["block_id"])
    return str(inputs[0]["block_id"]) if inputs else None


def _answer(element: dict[str, Any]) -> str | tuple[str, ...]:
    match element.get("type"):
        case "checkboxes" | "multi_static_select":
            return tuple(o["value"] for o in element.get("selected_options") or ())
        case "static_select" | "radio_buttons":
            chosen = element.get("selected_option")
            return chosen["value"] if chosen else ""
        case "datepicker":
            return element.get("selected_date") or ""
        case "timepicker":
            return element.get("selected_time") or ""
        case _:
            return element.get("value") or ""


def _input(field: Field) -> Block:
    block: Block = {
        "type": "input",
        "block_id": field.name,
        "label": plain(field.label, 2000),
        "optional": not field.required,
        "element": _element(field),
    }
    return block


def _element(field: Field) -> Block:
    action_id = field.name
    match field:
        case TextField():
            element: Block = {
                "type": "plain_text_input",
                "action_id": action_id,
                "multiline": field.multiline,
                "max_length": field.max_length,
            }
            if field.placeholder:
                element["placeholder"] = plain(field.placeholder, 150)
            if field.initial:
                element["initial_value"] = field.initial
            return element
        case DateField():
            element = {"type": "datepicker", "action_id": action_id}
            if field.initial:
                element["initial_date"] = field.initial
            return element
        case TimeField():
            element = {"type": "timepicker", "action_id": action_id}
            if field.initial:
                element["initial_time"] = field.initial
            return element
        case NumberField():
            element = {
                "type": "number_input",
                "action_id": action_id,
                "is_decimal_allowed": False,
                "min_value": str(field.low),
                "max_value": str(field.high),
            }
            if field.initial is not None:
                element["initial_value"] = str(field.initial)
            return element
        case ChoiceField():
            options = [
                {"text": plain(o.label, _OPTION_TEXT), "value": o.value} for o in field.options
            ]
            if field.multiple and len(options) <= _CHECKBOX_OPTIONS:
                return {"type": "checkboxes", "action_id": action_id, "options": options}
            kind = "multi_static_select" if field.multiple else "static_select"
            return {
                "type": kind,
                "action_id": action_id,
                "placeholder": plain("Choose…", 150),
                "options": options[:100],
            }
    raise TypeError(f"no Slack input for {type(field).__name__}")


def _sections(text: str) -> list[Block]:
    """One or more sections: Slack caps a section's text at 3000 characters."""
    chunks: list[str] = []
    current = ""
    for line in mrkdwn(text).split("\n"):
        while len(line) > _SECTION_TEXT:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:_SECTION_TEXT])
            line = line[_SECTION_TEXT:]
        if current and len(current) + 1 + len(line) > _SECTION_TEXT:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    chunks.append(current)
    return [{"type": "section", "text": _text(chunk or " ")} for chunk in chunks]


def _actions(buttons: tuple[Button, ...]) -> Block:
    # action_ids must be unique within a block; the action itself travels in the value.
    seen: dict[str, int] = {}
    elements = []
    for button in buttons[:25]:
        count = seen.get(button.action, 0)
        seen[button.action] = count + 1
        action_id = button.action if not count else f"{button.action}#{count}"
        elements.append(_button(button, action_id))
    return {"type": "actions", "elements": elements}


def _button(button: Button, action_id: str) -> Block:
    element: Block = {
        "type": "button",
        "text": plain(button.label, _BUTTON_TEXT),
        "action_id": action_id,
    }
    if button.url:
        # A link button opens the address; Slack still reports the click, acknowledged only.
        element["url"] = button.url
    else:
        element["value"] = button.action
    if button.style is not ButtonStyle.DEFAULT:
        element["style"] = button.style.value
    return element


def _text(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
