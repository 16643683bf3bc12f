"""The core's counts as Prometheus metrics, in a registry of this process's own.

Each metric is described in docs/operations.md, "Health and metrics" (a test checks that each
one is).
"""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from bot.ports.metrics import CommandOutcome, Metrics, NoticeOutcome

# Seconds after its due time a notice goes out: most at once, a few after a rate limit or a
# retry, some late after downtime (an alert is worth setting at 5 minutes).
LAG_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0)
# Seconds the database takes to answer the health check.
DATABASE_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0)


class PrometheusMetrics(Metrics):
    """Counts kept in `registry` (a CollectorRegistry per process, never the global one)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self._commands = Counter(
            "turnout_commands",
            "Commands run, by command and outcome (ok, refused, try_again, error).",
            ["command", "outcome"],
            registry=registry,
        )
        self._notices = Counter(
            "turnout_notices",
            "Notices sent, failed for good or retried, by kind.",
            ["kind", "outcome"],
            registry=registry,
        )
        self._lag = Histogram(
            "turnout_notice_lag_seconds",
            "Seconds between a notice's due time and its send.",
            buckets=LAG_BUCKETS,
            registry=registry,
        )
        self.due = Gauge(
            "turnout_notices_due",
            "Notices past their due time and not yet sent (read at each scrape).",
            registry=registry,
        )
        self.database = Histogram(
            "turnout_database_seconds",
            "Seconds the database took to answer the health check.",
            buckets=DATABASE_BUCKETS,
            registry=registry,
        )
        self._rate_limited = Counter(
            "turnout_platform_rate_limited",
            "Calls a platform answered with 429 (slow down), by platform.",
            ["platform"],
            registry=registry,
        )

        self._connected = Gauge(
            "turnout_gateway_connected",
            "1 while a platform connection (a Discord shard) is connected, else 0 (read at each "
            "scrape; only for platforms keeping several).",
            ["platform", "connection"],
            registry=registry,
        )
        self._latency = Gauge(
            "turnout_gateway_latency_seconds",
            "Seconds between a platform connection's last heartbeat and its answer (read at "
            "each scrape; only for platforms keeping several).",
            ["platform", "connection"],
            registry=registry,
        )

    def connection(self, platform: str, name: str) -> Gauge:
        """The connected gauge of one of a platform's connections."""
        return self._connected.labels(platform=platform, connection=name)

    def latency(self, platform: str, name: str) -> Gauge:
        """The heartbeat latency gauge of one of a platform's connections."""
        return self._latency.labels(platform=platform, connection=name)

    def command(self, name: str, outcome: CommandOutcome) -> None:
        """Count one command's outcome."""
        self._commands.labels(command=name, outcome=outcome.value).inc()

    def notice(self, kind: str, outcome: NoticeOutcome, *, late_by: float | None = None) -> None:
        """Count one notice's outcome, and how late a sent one went out."""
        self._notices.labels(kind=kind, outcome=outcome.value).inc()
        if late_by is not None:
            self._lag.observe(max(late_by, 0.0))

    def rate_limited(self, platform: str) -> None:
        """Count one 429 from `platform`."""
        self._rate_limited.labels(platform=platform).inc()
