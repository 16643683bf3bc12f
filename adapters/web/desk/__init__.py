"""The organizer's desk on the web: sign-in from chat, shifts, rosters, people and numbers."""

from adapters.web.desk.routes import COOKIE, desk_routes

__all__ = ["COOKIE", "desk_routes"]
