"""Slack's Home tab: the core's Home view, published for one person with views.publish.

Published when they open the tab (app_home_opened) and again after any press made on it, so
it always shows what they just changed; otherwise it is as fresh as their last visit.
"""

import logging
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import blocks_for, home_view
from bot.app.turnout import Turnout
from bot.home.commands import ShowHome
from bot.kernel.commands import Actor
from bot.ports.replies import Message, Page

log = logging.getLogger(__name__)


class Home:
    def __init__(self, turnout: Turnout, client: AsyncWebClient) -> None:
        self._turnout = turnout
        self._client = client

    async def publish(self, actor: Actor) -> None:
        """Show `actor` their Home as it is now."""
        reply = await self._turnout.handle(ShowHome(actor))
        if isinstance(reply, Page):
            view = home_view(reply)
        else:
            # Refused or broken (the database away): say so where they are looking.
            said = reply if isinstance(reply, Message) else Message("Nothing to show yet.")
            view = {"type": "home", "blocks": blocks_for(said)}
        await self._client.views_publish(user_id=actor.identity.user_external_id, view=view)


def from_home(body: dict[str, Any]) -> bool:
    """Whether a block_actions payload is a press on the Home tab (no message to answer)."""
    container = body.get("container") or {}
    view = body.get("view") or {}
    return container.get("type") == "view" and view.get("type") == "home"
