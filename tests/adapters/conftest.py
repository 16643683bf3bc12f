"""What the adapters' tests share: a running Turnout's web address, and reading findings."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from adapters.doctor import Finding
from adapters.web.health import HEALTH_PATH
from adapters.web.serving import Server


@dataclass
class Site:
    """Where a running Turnout answers /healthz, as `turnout run` answers it."""

    url: str
    # Platform → why it is down; the rest are up, as is the database.
    down: dict[str, str] = field(default_factory=dict)
    # Answer as some other web server would (a proxy's page), not as Turnout.
    foreign: bool = False


@pytest.fixture
async def turnout_site() -> AsyncIterator[Site]:
    site = Site("")

    async def healthz(request: web.Request) -> web.Response:
        if site.foreign:
            return web.Response(text="<html>Welcome to nginx!</html>", content_type="text/html")
        platforms = {"slack": "up", "discord": "up"} | {
            name: f"down: {why}" for name, why in site.down.items()
        }
        report = {"ok": not site.down, "database": "up", "platforms": platforms}
        return web.json_response(report, status=503 if site.down else 200)

    server = Server([web.get(HEALTH_PATH, healthz)], "127.0.0.1", 0)
    await server.start()
    site.url = f"http://127.0.0.1:{server.port}"
    yield site
    await server.stop()


def lines(findings: list[Finding]) -> list[str]:
    return [finding.line() for finding in findings]


def fixes(findings: list[Finding]) -> list[str]:
    return [finding.line() for finding in findings if finding.wrong]
