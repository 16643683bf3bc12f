"""Typed replies as Discord messages: text, embeds for lists, buttons, and modals for forms.

Nothing people wrote can ping anyone: every message goes out with `NO_PINGS`, so `@everyone`,
role and user mentions inside titles or announcements arrive as inert text. Nor can it format:
the core writes no markdown but `code`, so every other markdown sign is escaped (`inert`), and
a ZIP answer like `[Verify](https://evil.example)` shows its real address instead of a
disguised link, and a typed `<t:0:F>` shows as typed, never as a timestamp. Times the core
marked (bot/kernel/timefmt.py) become Discord timestamps (`<t:UNIX:F>`, `<t:UNIX:R>` for
countdowns), so each reader sees their own zone; where Discord shows plain text (embed titles,
field names, footers, buttons) they read as the core wrote them, zone named.
"""

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

from adapters.discord.components import action_button
from bot.kernel import timefmt
from bot.ports.replies import Attachment, Button, Form, Item, Listing, Message, Page, Reply

NO_PINGS = discord.AllowedMentions.none()
ERROR_COLOUR = discord.Colour.red()
LIST_COLOUR = discord.Colour.blurple()
# Discord's limits: 5 rows of 5 buttons, 25 embed fields, and these lengths.
MAX_BUTTONS = 25
MAX_FIELDS = 25
MAX_EMBEDS = 10
_CONTENT = 2000
_TITLE = 256
_FIELD_NAME = 256
_FIELD_VALUE = 1024
_DESCRIPTION = 4096
_FOOTER = 2048
_BLANK = "\u200b"
# Addresses are left whole (a backslash would break the link); they show as what they are.
_URL = re.compile(r"https?://\S+")
_MARKUP = re.compile(r"([\\*_~|\[\]])")
# Quotes and headings need a space after their sign (`#1 Saturday calls` is no heading).
_LINE_MARKUP = re.compile(r"^([ \t]*)(>{1,3} |#{1,3} |-# )", re.MULTILINE)
# A timestamp someone typed (`<t:0:F>`): escaped, so only Turnout's own times are timestamps.
_TYPED_TIMESTAMP = re.compile(r"<(?=t:)")


def inert(text: str) -> str:
    """Text with Discord's markdown escaped (backticks aside: the core's own `commands`), and
    the core's marked times as Discord timestamps."""
    shown: list[str] = []
    last = 0
    for url in _URL.finditer(text):
        shown += [_escaped(text[last : url.start()]), url.group()]
        last = url.end()
    shown.append(_escaped(text[last:]))
    # Escaping first: only Turnout's own marks (which people can't type) become `<t:…>`.
    return timefmt.render(_LINE_MARKUP.sub(r"\1\\\2", "".join(shown)), discord_timestamp)


def flat(text: str) -> str:
    """`inert` for places Discord shows no formatting: times as the core's words."""
    return inert(timefmt.plain(text))


def discord_timestamp(moment: timefmt.Moment) -> str:
    """A marked time as a Discord timestamp, shown in each reader's zone (and language)."""
    return f"<t:{moment.unix}:{moment.style.value}>"


def _escaped(text: str) -> str:
    return _TYPED_TIMESTAMP.sub(r"\\<", _MARKUP.sub(r"\\\1", text))


@dataclass(slots=True)
class Rendered:
    """What to send: keyword arguments for Discord's send calls."""

    content: str | None = None
    embeds: list[discord.Embed] = field(default_factory=list)
    buttons: list[discord.ui.Button[Any]] = field(default_factory=list)
    # Only the person who asked sees it (interaction replies only).
    ephemeral: bool = True
    # Sent as multipart attachments (an ephemeral answer may carry them too).
    files: tuple[Attachment, ...] = ()

    def message(self) -> dict[str, Any]:
        """Keyword arguments for any of discord.py's send calls; never pings anyone."""
        message: dict[str, Any] = {"allowed_mentions": NO_PINGS}
        if self.content:
            message["content"] = self.content
        if self.embeds:
            message["embeds"] = self.embeds
        view = self.view()
        if view is not None:
            message["view"] = view
        if self.files:
            # A discord.File is read once, so every send gets fresh ones.
            message["files"] = [
                discord.File(
                    io.BytesIO(f.content), filename=f.filename, description=f.title or None
                )
                for f in self.files
            ]
        return message

    def view(self) -> discord.ui.View | None:
        """A fresh view for one send (views need a running event loop, so they are made late)."""
        if not self.buttons:
            return None
        view = discord.ui.View(timeout=None)
        for button in self.buttons:
            view.add_item(button)
        # Clicks are routed by their custom_id (the client reads it), never by this object;
        # a stopped view is not kept in memory (nor timed out) per message sent.
        view.stop()
        return view


def render(reply: Reply, *, dm_guild: int | None = None) -> Rendered:
    """`dm_guild`: the server a DM speaks for, carried by its buttons (see components)."""
    match reply:
        case Message(error=True):
            embed = discord.Embed(
                description=_cut(inert(reply.text), _DESCRIPTION), colour=ERROR_COLOUR
            )
            return Rendered(embeds=[embed], ephemeral=not reply.public)
        case Message():
            return Rendered(
                content=_cut(inert(reply.text), _CONTENT),
                buttons=_buttons([(b, None) for b in reply.buttons], dm_guild),
                ephemeral=not reply.public,
                files=reply.files,
            )
        case Listing(items=()):
            return Rendered(content=_cut(inert(reply.empty), _CONTENT), ephemeral=not reply.public)
        case Listing():
            return _listing(reply, dm_guild)
        case Page():
            return _page(reply, dm_guild)
        case Form():
            # Forms open as modals in answer to an interaction; anywhere else, say what to do.
            return Rendered(content=_cut(inert(f"{reply.title}: {reply.intro}"), _CONTENT))
    raise TypeError(f"cannot render {type(reply).__name__} on Discord")


def _listing(listing: Listing, dm_guild: int | None) -> Rendered:
    embed = discord.Embed(colour=LIST_COLOUR)
    heading = flat(listing.heading)
    if len(heading) <= _TITLE:
        embed.title = heading
    else:
        embed.description = _cut(heading, _DESCRIPTION)
    if len(listing.items) <= MAX_FIELDS:
        for item in listing.items:
            embed.add_field(
                name=_cut(flat(item.title), _FIELD_NAME),
                value=_cut(inert(item.detail), _FIELD_VALUE) or _BLANK,
                inline=False,
            )
    else:
        # A long roster: one line per person in the description instead of fields.
        lines = [f"**{inert(item.title)}** {inert(item.detail)}".strip() for item in listing.items]
        embed.description = _cut("\n".join(filter(None, [embed.description, *lines])), _DESCRIPTION)
    pressable = _pressable(listing.items)
    footer = timefmt.plain(listing.footer).replace("`", "")
    if len(pressable) > MAX_BUTTONS:
        footer = " · ".join(filter(None, [footer, f"Buttons for the first {MAX_BUTTONS} only."]))
    if footer:
        embed.set_footer(text=_cut(footer, _FOOTER))
    return Rendered(
        embeds=[embed], buttons=_buttons(pressable, dm_guild), ephemeral=not listing.public
    )


def _page(page: Page, dm_guild: int | None) -> Rendered:
    """The heading as the message, then an embed per section: its items, or its `empty` words."""
    embeds = []
    pressable: list[tuple[Button, str | None]] = []
    for section in page.sections[:MAX_EMBEDS]:
        embed = discord.Embed(colour=LIST_COLOUR, title=_cut(flat(section.heading), _TITLE))
        if not section.items:
            embed.description = _cut(inert(section.empty), _DESCRIPTION)
        for item in section.items[:MAX_FIELDS]:
            embed.add_field(
                name=_cut(flat(item.title), _FIELD_NAME),
                value=_cut(inert(item.detail), _FIELD_VALUE) or _BLANK,
                inline=False,
            )
        embeds.append(embed)
        pressable += _pressable(section.items[:MAX_FIELDS])
    return Rendered(
        content=_cut(flat(page.heading), _CONTENT),
        embeds=embeds,
        buttons=_buttons(pressable, dm_guild),
    )


def _pressable(items: Sequence[Item]) -> list[tuple[Button, str | None]]:
    return [(button, _numbered(button)) for item in items for button in item.buttons]


def _numbered(button: Button) -> str:
    """`Join #3`: buttons sit under the whole list, so each says which item it is for."""
    number = button.action.rsplit(":", 1)[-1]
    return f"{button.label} #{number}" if number.isdecimal() else button.label


def _buttons(
    buttons: Sequence[tuple[Button, str | None]], dm_guild: int | None
) -> list[discord.ui.Button[Any]]:
    made: list[discord.ui.Button[Any]] = []
    seen: set[str] = set()
    for button, label in buttons:
        # Discord refuses a message whose components share a custom_id.
        if button.action in seen or len(made) == MAX_BUTTONS:
            continue
        seen.add(button.action)
        made.append(action_button(button, label=label, guild_id=dm_guild))
    return made


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
