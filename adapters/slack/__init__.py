"""The Slack adapter: slash commands, Block Kit buttons and modals, Socket Mode or HTTP mode."""

from adapters.slack.platform import SlackPlatform

__all__ = ["SlackPlatform"]
