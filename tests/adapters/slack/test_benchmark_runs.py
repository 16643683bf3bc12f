"""The Slack ack benchmark still runs and prints its figures (quick mode; no timing asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_slack_ack_benchmark_runs_quick():
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "slack_ack.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )

    assert run.returncode == 0, run.stderr
    assert "20 signed /phonebank commands" in run.stdout
    for figure in ("ack median", "ack p99", "ack max", "answer median", "answer p99"):
        assert figure in run.stdout
    assert "burst (concurrent)" in run.stdout and "sequential" in run.stdout
