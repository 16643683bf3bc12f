"""Who is an organizer in a Slack workspace: configured user IDs, a user group, admins.

Organizer rights belong to a (workspace, user) pair: the configured IDs and group are the
connected workspace's, so a payload from any other team never carries them.

Slack is asked at most once a minute per question, so a burst of commands costs one lookup.
When Slack cannot answer (a missing scope, an outage) the person is not treated as an
organizer: organizer powers are never granted by accident.
"""

import asyncio
import logging
import re
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.errors import error_code
from adapters.slack.installs import InstallationStore
from adapters.slack.naming import PLATFORM
from adapters.slack.workspaces import NotInstalled, in_workspace
from bot.kernel.i18n import N_
from bot.ports.organizers import NoOrganizerLookup, OrganizerLookup

log = logging.getLogger(__name__)

_GROUP_ID = re.compile(r"S[A-Z0-9]{2,}")


class Organizers:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        users: tuple[str, ...] = (),
        group: str = "",
        admins: bool = False,
        ttl: float = 60.0,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._users = frozenset(users)
        self._group = group.strip().removeprefix("@")
        self._admins = admins
        self._ttl = ttl
        self._now = now
        self._members: frozenset[str] = frozenset()
        self._members_until = float("-inf")
        self._members_lock = asyncio.Lock()
        self._admin: dict[tuple[str, str], tuple[bool, float]] = {}
        # The connected workspace's team ID, from auth.test at start (see `workspace`).
        self._team = ""
        # Those the workspace's organizers named (`/turnout organizers`), and the members of
        # the user group they named, per (workspace, group).
        self._named: OrganizerLookup = NoOrganizerLookup()
        self._named_groups: dict[tuple[str, str], tuple[frozenset[str], float]] = {}

    def consult(self, named: OrganizerLookup) -> None:
        """Count the people and the user group each workspace's organizers name."""
        self._named = named

    def workspace(self, team_id: str) -> None:
        """The workspace whose organizers these are; others' payloads never count."""
        self._team = team_id

    async def is_organizer(self, team_id: str, user_id: str) -> bool:
        if not self._team or team_id != self._team:
            return False
        if user_id in self._users:
            return True
        if self._group and user_id in await self.group_members():
            return True
        if self._admins and await self._is_admin(team_id, user_id):
            return True
        return await self.is_named(team_id, user_id)

    async def is_named(self, team_id: str, user_id: str) -> bool:
        """Whether the workspace's organizers named the person, or a user group they are in."""
        named = await self._named.named(PLATFORM, team_id)
        if named.names(user_id):
            return True
        return bool(named.group) and user_id in await self._named_group(team_id, named.group)

    def rule(self) -> str:
        """Who Slack's own rule makes organizers here (N_-marked; the core translates it)."""
        return N_(
            "Here the people and the user group in Turnout's settings (SLACK_ORGANIZERS, "
            "SLACK_ORGANIZER_GROUP, SLACK_ADMINS_ARE_ORGANIZERS) are organizers, and so is "
            "everyone named in this list."
        )

    async def workspace_name(self, team_id: str) -> str:
        """The workspace's own name, where the organizers' source knows it ("" here: the one
        workspace's name comes from auth.test)."""
        return ""

    def becoming(self) -> str:
        """How someone becomes an organizer in this workspace, for a refusal to end with."""
        if self._group:
            named = "the organizers'" if _GROUP_ID.fullmatch(self._group) else f"the @{self._group}"
            return f"To become one, ask whoever manages {named} user group in Slack to add you."
        if self._users:
            return (
                "To become one, ask whoever runs Turnout to add your Slack member ID to its "
                "SLACK_ORGANIZERS setting."
            )
        if self._admins:
            return "Here the workspace's admins and owners are the organizers."
        return (
            "No organizers are set up yet: whoever runs Turnout names them in its "
            "SLACK_ORGANIZERS or SLACK_ORGANIZER_GROUP setting."
        )

    async def reachable(self, team_id: str = "") -> tuple[str, ...]:
        """The organizers we can name (in `team_id`, the one workspace here): configured
        ones, the group's members, then those the workspace's organizers named."""
        named = dict.fromkeys(sorted(self._users))
        if self._group:
            named.update(dict.fromkeys(sorted(await self.group_members())))
        named.update(dict.fromkeys(await self._named_people(team_id or self._team)))
        return tuple(named)

    async def _named_people(self, team_id: str) -> tuple[str, ...]:
        named = await self._named.named(PLATFORM, team_id)
        return tuple(person.account for person in named.people)

    async def group_members(self) -> frozenset[str]:
        async with self._members_lock:
            if self._now() < self._members_until:
                return self._members
            try:
                self._members = await self._fetch_members()
            except SlackApiError as error:
                log.warning(
                    "can't read the members of SLACK_ORGANIZER_GROUP %r (%s); "
                    "check the usergroups:read scope",
                    self._group,
                    error_code(error),
                )
                self._members = frozenset()
            self._members_until = self._now() + self._ttl
            return self._members

    async def _named_group(self, team_id: str, group: str) -> frozenset[str]:
        """The members of the user group the workspace's organizers named, asked with that
        workspace's token at most once a minute; nobody when Slack can't say."""
        known = self._named_groups.get((team_id, group))
        if known is not None and self._now() < known[1]:
            return known[0]
        try:
            with in_workspace(team_id):
                members = await self._fetch_members(group)
        except SlackApiError as error:
            log.warning("can't read the members of a named user group (%s)", error_code(error))
            members = frozenset()
        self._named_groups[(team_id, group)] = (members, self._now() + self._ttl)
        return members

    async def _fetch_members(self, group: str = "") -> frozenset[str]:
        group = group or self._group
        group_id = group if _GROUP_ID.fullmatch(group) else await self._group_id(group)
        if group_id is None:
            log.warning("no user group with the handle %r in this workspace", group)
            return frozenset()
        response = await self._client.usergroups_users_list(usergroup=group_id)
        return frozenset(response.get("users") or ())

    async def _group_id(self, handle: str) -> str | None:
        # The handle only: handles are unique, while any member may name a new group
        # "organizers" (a display name) and would otherwise be granted organizer rights.
        response = await self._client.usergroups_list()
        wanted = handle.lower()
        for group in response.get("usergroups") or ():
            if str(group.get("handle", "")) == wanted:
                return str(group["id"])
        return None

    async def _is_admin(self, team_id: str, user_id: str) -> bool:
        known = self._admin.get((team_id, user_id))
        if known is not None and self._now() < known[1]:
            return known[0]
        try:
            response = await self._client.users_info(user=user_id)
            user = response.get("user") or {}
            admin = bool(user.get("is_admin") or user.get("is_owner"))
        except SlackApiError as error:
            log.warning("can't look up %s to see if they are an admin (%s)", user_id, error)
            admin = False
        self._admin[(team_id, user_id)] = (admin, self._now() + self._ttl)
        return admin


class InstalledOrganizers(Organizers):
    """Organizers in workspaces installed through OAuth (one process serves them all): whoever
    installed Turnout there, and the workspace's admins and owners (users.info is_admin or
    is_owner, asked with that workspace's token)."""

    def __init__(self, client: AsyncWebClient, store: InstallationStore) -> None:
        super().__init__(client, admins=True)
        self._store = store
        # Each workspace's name as its installation has it (Slack's name for the workspace,
        # not its domain), read with the installer; forgotten when the installation changes.
        self._names: dict[str, str] = {}
        store.changed.append(self._forget_name)

    async def is_organizer(self, team_id: str, user_id: str) -> bool:
        installed = await self._store.find(team_id)
        self._names[team_id] = installed.team_name if installed is not None else ""
        if installed is None:
            return False
        if installed.installer == user_id:
            return True
        with in_workspace(team_id):
            if await self._is_admin(team_id, user_id):
                return True
        return await self.is_named(team_id, user_id)

    async def workspace_name(self, team_id: str) -> str:
        if team_id not in self._names:
            installed = await self._store.find(team_id)
            self._names[team_id] = installed.team_name if installed is not None else ""
        return self._names[team_id]

    def _forget_name(self, team_id: str) -> None:
        self._names.pop(team_id, None)

    def becoming(self) -> str:
        return (
            "Here whoever installed Turnout, the workspace's admins and owners, and those "
            "they name are the organizers; ask one of them."
        )

    def rule(self) -> str:
        return N_(
            "Here whoever installed Turnout and the workspace's admins and owners are "
            "organizers, and so is everyone named in this list."
        )

    async def reachable(self, team_id: str = "") -> tuple[str, ...]:
        """Whoever installed Turnout in `team_id`, if they are still known, and those named;
        NotInstalled if Turnout was removed from it (its organizers can't be reached at all)."""
        installed = await self._store.find(team_id)
        if installed is None:
            raise NotInstalled(team_id)
        named = await self._named_people(team_id)
        return tuple(dict.fromkeys((installed.installer, *named) if installed.installer else named))
