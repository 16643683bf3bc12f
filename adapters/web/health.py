"""What /healthz answers: 200 while every platform runs, 503 naming any that stopped for good."""

from aiohttp import web

# Where a running Turnout answers, for load balancers and `turnout doctor`.
HEALTH_PATH = "/healthz"


class Health:
    def __init__(self) -> None:
        # platform → why it stopped (one line, the same the log says).
        self.down: dict[str, str] = {}

    def response(self) -> web.Response:
        if self.down:
            return web.json_response({"ok": False, "down": self.down}, status=503)
        return web.json_response({"ok": True})
