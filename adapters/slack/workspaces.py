"""One web client for every installed workspace: each call carries the token of the workspace
it is made for.

With many workspaces installed through OAuth there is no one bot token. The adapter's parts
(answers, people, organizers, the messenger) keep one client each, as in token mode; which
workspace a call is for is said once where the work begins, with `in_workspace` (a bolt
middleware for each request; the messenger for each send), and the client asks `Tokens` for
that workspace's token (refreshed if it is about to expire) at each call.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.slack.installs import Tokens

_WORKSPACE: ContextVar[str] = ContextVar("slack_workspace", default="")


@contextmanager
def in_workspace(team_id: str) -> Iterator[None]:
    """Calls made inside the block (and in tasks started there) are for `team_id`."""
    reset = _WORKSPACE.set(team_id)
    try:
        yield
    finally:
        _WORKSPACE.reset(reset)


@dataclass(frozen=True)
class _Refusal:
    """What NotInstalled carries in place of Slack's answer, read as one (errors.py)."""

    data: dict[str, Any]
    status_code: int = 200


class NotInstalled(SlackApiError):
    """Turnout isn't (or is no longer) installed in the workspace a call was for."""

    def __init__(self, team: str) -> None:
        super().__init__(
            f"Turnout isn't installed in Slack workspace {team or '(none)'}",
            _Refusal({"ok": False, "error": "not_installed"}),
        )


class WorkspaceClient(AsyncWebClient):
    """An AsyncWebClient whose token is the current workspace's (see `in_workspace`)."""

    def __init__(self, tokens: Tokens, **options: Any) -> None:
        super().__init__(**options)
        self.tokens = tokens

    async def api_call(
        self,
        api_method: str,
        *,
        headers: dict[str, str] | None = None,
        params: dict[str, Any] | None = None,
        data: Any = None,
        json: dict[str, Any] | None = None,
        auth: dict[str, str] | None = None,
        **rest: Any,
    ) -> AsyncSlackResponse:
        given = any(
            isinstance(where, dict) and where.get("token") for where in (params, data, json)
        )
        if not (given or auth):
            team = _WORKSPACE.get()
            token = await self.tokens.bot_token(team) if team else None
            if token is None:
                raise NotInstalled(team)
            headers = {**(headers or {}), "Authorization": f"Bearer {token}"}
        return await super().api_call(
            api_method, headers=headers, params=params, data=data, json=json, auth=auth, **rest
        )
