"""GET /healthz and GET /metrics: what bot/app/ops.py answers, as HTTP.

/healthz is 200 while the database answers and every platform is connected, else 503; its
JSON body names the part that is down. /metrics is Prometheus's text format.
"""

from aiohttp import web

from bot.app.ops import Ops

# Where a running Turnout answers, for load balancers and `turnout doctor`.
HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"


def ops_routes(ops: Ops) -> list[web.RouteDef]:
    """The health check's and the metrics' routes, for whichever listener runs."""

    async def health(request: web.Request) -> web.Response:
        healthy, report = await ops.health()
        return web.json_response(report, status=200 if healthy else 503)

    async def metrics(request: web.Request) -> web.Response:
        return web.Response(body=await ops.scrape(), headers={"Content-Type": ops.content_type})

    return [web.get(HEALTH_PATH, health), web.get(METRICS_PATH, metrics)]
