"""The platform's name in identities, teams and posts."""

PLATFORM = "slack"
