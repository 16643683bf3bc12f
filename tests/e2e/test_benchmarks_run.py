"""The benchmarks still run and print their figures (quick mode; no timing is asserted)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def quick(script: str) -> str:
    """Run `bench/<script> --quick` and return what it printed."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def assert_rows(out: str, labels: tuple[str, ...], *, before: str, after: str) -> None:
    """Each label starts a line of `out` (after `before`), its figures matching `after`."""
    for label in labels:
        assert re.search(rf"^{before}{re.escape(label)}{after}", out, re.M), out


@pytest.mark.slow
def test_the_pending_reminders_benchmark_prints_its_table() -> None:
    out = quick("pending_reminders.py")
    assert "national campaign" in out and "20,000" in out
    assert "pending reminders" in out


@pytest.mark.slow
def test_the_health_and_metrics_benchmark_times_both_with_nothing_and_everything_due() -> None:
    out = quick("ops_endpoints.py")
    assert "20,000 pending reminders" in out
    assert re.search(r"all due \(after an outage\)\s+20,000 ", out), out


@pytest.mark.slow
def test_the_slack_ack_benchmark_prints_ack_and_answer_latency() -> None:
    out = quick("slack_ack.py")
    assert "20 signed /phonebank commands" in out
    for figure in ("ack median", "ack p99", "ack max", "answer median", "answer p99"):
        assert figure in out
    assert "burst (concurrent)" in out and "sequential" in out


@pytest.mark.slow
def test_the_discord_latency_benchmark_prints_median_p99_max_and_deferrals() -> None:
    out = quick("discord_latency.py")
    assert "a burst of 20 slash commands" in out
    for figure in ("median", "p99", "max"):
        assert re.search(rf"^  {figure} +[0-9.]+ ms$", out, re.M), out
    assert re.search(r"^  deferred +\d+ of 20 ", out, re.M), out


@pytest.mark.slow
def test_the_signups_benchmark_prints_core_and_plain_sqlite3_side_by_side() -> None:
    out = quick("signups.py")
    assert "50 volunteer(s) join per round, across 5 shifts of 8 seats" in out
    assert re.search(r"^new volunteers .* +joins/s +p50 ms +p99 ms$", out, re.M), out
    assert re.search(r"^returning volunteers +joins/s +p50 ms +p99 ms$", out, re.M), out
    rates = {}
    for row in ("core, sequential", "core, concurrent (50 at a time)", "plain sqlite3, sequential"):
        found = re.findall(rf"^  {re.escape(row)} +([\d,]+) +\d+\.\d\d +\d+\.\d\d$", out, re.M)
        assert len(found) == 2, out  # new volunteers, then returning ones
        rates[row] = [float(rate.replace(",", "")) for rate in found]
    for i, volunteers in enumerate(("new", "returning")):
        ratio = re.search(
            rf"^core / plain sqlite3: (\d+\.\d)x slower \(per join, sequential, {volunteers} ",
            out,
            re.M,
        )
        assert ratio, out
        # Computed from the run, not typed in: it agrees with the rounded joins/s printed above.
        computed = rates["plain sqlite3, sequential"][i] / rates["core, sequential"][i]
        assert float(ratio[1]) == pytest.approx(computed, rel=0.1), out


@pytest.mark.slow
def test_the_fan_out_benchmark_delivers_every_reminder_once_at_the_platform_s_pace() -> None:
    out = quick("fanout.py")
    assert "300 reminders due at once" in out
    limited = re.search(
        r"^100/s +([\d.]+)s +3\.0s +[+-][\d.]+% +[\d.]+ +(\d+) +(\d+) +(\d+)$", out, re.M
    )
    unlimited = re.search(r"^none +([\d.]+)s +- +- +[\d.]+ +(\d+) +(\d+) +(\d+)$", out, re.M)
    assert limited and unlimited, out
    # Duplicates and losses are counted at the fake platform: both must be zero.
    assert limited.group(3, 4) == ("0", "0") and unlimited.group(3, 4) == ("0", "0"), out
    assert unlimited[2] == "0", "no limit, no 429s"


@pytest.mark.slow
def test_the_fair_teams_benchmark_sends_two_floods_side_by_side_and_a_third_team_s_reminder() -> (
    None
):
    out = quick("fair_teams.py")
    assert "2 teams x 150 reminders due at once" in out
    for team in ("T0COUNTYA", "T0COUNTYB"):
        assert re.search(rf"^{team} +150 +[\d.]+s +3\.0s", out, re.M), out
    assert re.search(r"team C's reminder arrived [+-][\d.]+ s after its due time", out), out
    assert "duplicates: 0; lost: 0" in out, out


@pytest.mark.slow
def test_the_start_up_benchmark_times_turnout_run_with_discord_to_ready() -> None:
    out = quick("startup.py")
    assert re.search(r"^  first start .* +\d+ ms$", out, re.M), out
    assert re.search(r"^  later starts \(schema at head\), median of 1 +\d+ ms", out, re.M), out


@pytest.mark.slow
def test_the_scale_benchmark_serves_ten_teams_from_one_process_and_two_deliver_once() -> None:
    out = quick("scale_teams.py")
    assert "one `turnout run` serving 10 teams (5 Slack workspaces through the OAuth store, " in out
    start_up = r"^  start-up \(spawn to running on slack, discord\) +\d+ ms  \(CPU [\d,]+ ms\)$"
    assert re.search(start_up, out, re.M), out
    for moment in ("after start-up", "after the bursts"):
        assert re.search(rf"^  resident memory {moment} +[\d.]+ MB", out, re.M), out
    assert "Bursts of 10 commands, one per team" in out
    assert "first: each team's first command since start-up" in out
    assert "again: every team seen" in out
    for row in (
        "slack ack (HTTP 200)",
        "slack answer",
        "discord answer (callback)",
        "all, acknowledged",
        "all, answered",
    ):
        rows = re.findall(rf"^    {re.escape(row)}( +[\d.]+ ms){{4}}$", out, re.M)
        assert len(rows) == 2, out  # the first burst, then again
    assert len(re.findall(r"^    deferred on Discord +\d+ of 5 ", out, re.M)) == 2, out
    assert len(re.findall(r"^    answers not saying it worked +0 of 10$", out, re.M)) == 2, out
    cpu = re.findall(
        r"^    the process's CPU, first command to last answer [\d,]+ ms \(", out, re.M
    )
    assert len(cpu) == 2, out
    if "No PostgreSQL to measure two processes on" in out:
        pytest.skip("set TURNOUT_TEST_DATABASE_URL to run the two processes on PostgreSQL")
    figures = dict(re.findall(r"^  (reminders due|delivered|duplicates|lost) +(\d+)", out, re.M))
    # Three volunteers' reminders in each of the ten teams, each delivered once between them.
    assert figures == {"reminders due": "30", "delivered": "30", "duplicates": "0", "lost": "0"}
    assert re.search(r"^  delivered .*\(process 1 sent \d+, process 2 \d+;", out, re.M), out
    assert re.search(r"^  CPU of both processes meanwhile [\d,]+ ms", out, re.M), out


@pytest.mark.slow
def test_the_postgresql_signups_benchmark_prints_one_and_two_processes_next_to_asyncpg() -> None:
    out = quick("signups_pg.py")
    if out.startswith("No PostgreSQL to measure"):
        pytest.skip("set TURNOUT_TEST_DATABASE_URL to run the PostgreSQL benchmark")
    for volunteers in ("new", "returning"):
        for processes in (1, 2):
            for in_flight in (1, 8):
                row = rf"^{volunteers}, {processes} process\(es\) x {in_flight} in flight +[\d,]+"
                assert re.search(row, out, re.M), out
        assert f"{volunteers}: 2 processes / 1 process" in out


@pytest.mark.slow
def test_the_live_posts_benchmark_prints_edits_per_burst_of_joins() -> None:
    out = quick("live_posts.py")
    assert "20 joins on one shift, its live post and a board beside it" in out
    for pattern in ("at once", "over 2 s"):
        found = re.search(rf"^  {pattern} +(\d+) +(\d+) +[\d.]+ s$", out, re.M)
        assert found, out
        # Coalesced: a burst is a few edits of each post, never one per join.
        assert 1 <= int(found[1]) <= 5 and 1 <= int(found[2]) <= 5, out


def test_the_calendar_feed_benchmark_prints_fetch_and_join_times() -> None:
    out = quick("calendar_feed.py")
    assert "calendar feed of 20 sign-ups" in out
    for row in ("first fetch", "later fetches, median of 20", "fetch after an edit"):
        assert re.search(rf"^  {row}.* +[0-9.]+ ms", out, re.M), out
    assert re.search(r"^join with Google link and \.ics, median +[0-9.]+ ms", out, re.M), out


def test_the_stats_benchmark_prints_stats_all_and_30d_with_and_without_the_chart() -> None:
    out = quick("stats.py")
    assert "SQLite: " in out and "volunteers" in out and "attendance rows" in out
    rows = (
        "/turnout stats all, with the chart",
        "the figures alone (all)",
        "/turnout stats 30d, with the chart",
        "the figures alone (30d)",
    )
    assert_rows(out, rows, before="  +", after="( +[\\d.]+){4}$")


def test_the_exports_benchmark_prints_rows_size_time_cpu_and_memory() -> None:
    out = quick("exports.py")
    assert "national campaign: 10,000 volunteers" in out
    for kind, rows in (("volunteers", "10,001"), ("signups", "10,000"), ("shifts", "2,000")):
        assert re.search(rf"^  {kind} all +{rows}( +[\d.]+){{4}}$", out, re.M), out
    assert re.search(r"^a /volunteer tz during the volunteers export waited [\d.]+ s", out, re.M)


@pytest.mark.slow
def test_the_soak_prints_how_many_steps_it_checked() -> None:
    out = quick("soak.py")
    steps = re.search(r"^  steps checked +([\d,]+)$", out, re.M)
    assert steps is not None and int(steps.group(1).replace(",", "")) > 0, out
    assert "every invariant held after every step" in out


@pytest.mark.slow
def test_the_console_benchmark_prints_typed_joins_next_to_plain_sqlite3() -> None:
    out = quick("console_joins.py")
    assert "Returning volunteers' joins typed into the console: 50 per round" in out
    assert re.search(r"^  console, typed +[\d,]+ joins/s$", out, re.M), out
    assert re.search(r"^  plain sqlite3 +[\d,]+ joins/s$", out, re.M), out
    assert re.search(r"^console / plain sqlite3: \d+\.\dx slower", out, re.M), out


def test_the_desk_benchmark_prints_page_and_mark_times() -> None:
    out = quick("desk_pages.py")
    assert "the desk over real HTTP, SQLite, 20 shifts" in out
    for row in ("shifts board", "a shift's page", "a Here / No-show mark"):
        assert re.search(
            rf"^  {re.escape(row)}.* median +[0-9.]+ ms +p99 +[0-9.]+ ms$", out, re.M
        ), out


@pytest.mark.slow
def test_the_erase_team_benchmark_erases_everything_and_prints_the_time() -> None:
    out = quick("erase_team.py")
    assert re.search(r"^ +1,000 +200 +1,000 +[\d.]+ +[\d.]+ +0$", out, re.M), out


@pytest.mark.slow
def test_the_statement_paths_benchmark_prints_every_design_against_plain_sqlite3() -> None:
    out = quick("statement_paths.py")
    designs = ("inline, asyncio API", "inline, SQLAlchemy's execution", "compiled once", "plain")
    assert_rows(out, designs, before="", after=" +[0-9.]+ \\( *[0-9.]+×\\) +[0-9.]+ ")
