"""Many Slack workspaces in one process: slack-bolt's OAuth flow over Turnout's database.

`GET /slack/install` shows an "Add to Slack" button (and sets the state cookie); Slack sends
the installer back to `GET /slack/oauth_redirect`, where bolt exchanges the code
(oauth.v2.access) and saves the workspace's tokens through InstallationStore. Each request is
then authorized from the store (bolt's AsyncInstallationStoreAuthorize, refreshing rotating
tokens), and each call Turnout makes itself picks its workspace's token (workspaces.py).

When a workspace removes Turnout (`app_uninstalled`) or revokes its tokens
(`tokens_revoked`), its tokens are deleted: sends to it fail for good instead of being retried,
and its campaign's data stays until an organizer erases it or the workspace installs again.
"""

import logging
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.installs import InstallationStore, StateStore, Tokens
from adapters.slack.manifest import bot_scopes
from bot.ports.storage import Storage

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


class Installs:
    """The OAuth side of the Slack adapter: its stores, tokens and HTTP routes."""

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        api_url: str,
        redirect_uri: str = "",
        authorize_url: str = "https://slack.com/oauth/v2/authorize",
    ) -> None:
        self._client_id = client_id
        self._client_secret = client_secret
        self._redirect_uri = redirect_uri or None
        self._authorize_url = authorize_url
        # oauth.v2.access (installs and refreshes) takes the app's credentials, no token.
        self.client = AsyncWebClient(base_url=api_url)
        self.store = InstallationStore()
        self.tokens = Tokens(
            self.store,
            AsyncTokenRotator(client_id=client_id, client_secret=client_secret, client=self.client),
        )
        self._states: StateStore | None = None

    def attach(self, storage: Storage) -> None:
        """Keep installations and states in `storage` (known once Turnout starts)."""
        self.store.attach(storage)
        self._states = StateStore(storage)

    def settings(self) -> AsyncOAuthSettings:
        assert self._states is not None, "attach() the storage first"
        bolt_log = logging.getLogger("turnout.slack.bolt")
        settings = AsyncOAuthSettings(
            client_id=self._client_id,
            client_secret=self._client_secret,
            scopes=bot_scopes(),
            user_scopes=[],
            redirect_uri=self._redirect_uri,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            authorization_url=self._authorize_url,
            installation_store=self.store,
            state_store=self._states,
            logger=bolt_log,
        )
        # Each request's workspace is looked up in the store (so an uninstalled one is refused
        # at once), but auth.test is asked once per token, not before every request's ack.
        settings.authorize = AsyncInstallationStoreAuthorize(
            logger=bolt_log,
            installation_store=self.store,
            client_id=self._client_id,
            client_secret=self._client_secret,
            cache_enabled=True,
            client=self.client,
        )
        return settings

    def listen(self, app: AsyncApp) -> None:
        """Uninstalls and revoked tokens delete the workspace's tokens."""
        app.event("app_uninstalled")(self._uninstalled)
        app.event("tokens_revoked")(self._revoked)

    def routes(self, app: AsyncApp) -> list[web.RouteDef]:
        flow = app.oauth_flow
        assert flow is not None

        async def install(request: web.Request) -> web.StreamResponse:
            return await to_aiohttp_response(await flow.handle_installation(_bolt(request)))

        async def redirect(request: web.Request) -> web.StreamResponse:
            return await to_aiohttp_response(await flow.handle_callback(_bolt(request)))

        return [web.get(INSTALL_PATH, install), web.get(REDIRECT_PATH, redirect)]

    async def _uninstalled(self, body: dict[str, Any]) -> None:
        team = str(body.get("team_id") or "")
        if await self.store.forget(team):
            log.info("Turnout was removed from Slack workspace %s; its tokens are deleted", team)

    async def _revoked(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        # Only the bot's tokens matter: Turnout keeps no person's own token.
        if (event.get("tokens") or {}).get("bot"):
            team = str(body.get("team_id") or "")
            if await self.store.forget(team):
                log.info("Slack workspace %s revoked Turnout's tokens; they are deleted", team)


def _bolt(request: web.Request) -> AsyncBoltRequest:
    return AsyncBoltRequest(
        body="",
        query=request.query_string,
        headers=request.headers,  # type: ignore[arg-type]
    )
