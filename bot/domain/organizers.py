"""Organizers a team's organizers name themselves, beside the platform's own rule (an
installer and admins, configured IDs, a role or Manage Events, the console's flag)."""

from dataclasses import dataclass

# How many people one team may name, and how long a name or group handle may be: a guard
# against a runaway script, far above any real team's organizers.
MAX_NAMED = 200
MAX_HANDLE = 80


@dataclass(frozen=True, slots=True)
class NamedOrganizer:
    """A person named an organizer: their account in the team (Slack member ID, Discord user
    ID, the console's name) and the name they were shown by when named; `id` is what a
    Remove button names."""

    id: int
    account: str
    name: str


@dataclass(frozen=True, slots=True)
class NamedOrganizers:
    """One team's named organizers, and the user group (Slack) or role (Discord) whose
    members are organizers too: its ID or handle, and how it was shown ("" when none)."""

    people: tuple[NamedOrganizer, ...] = ()
    group: str = ""
    group_name: str = ""

    def names(self, account: str) -> bool:
        return any(person.account == account for person in self.people)

    @property
    def shown_group(self) -> str:
        return self.group_name or self.group


NOBODY_NAMED = NamedOrganizers()
