"""A terminal chat that runs the whole bot with no tokens: `turnout console`."""

from adapters.console.chat import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.console.screen import Screen

__all__ = ["ConsoleChat", "ConsoleMessenger", "Screen"]
