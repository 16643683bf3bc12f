"""The benchmarks still run and print their figures (quick mode; no timing is asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_pending_reminders_benchmark_prints_its_table():
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pending_reminders.py"), "--quick"],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert "national campaign" in run.stdout and "20,000" in run.stdout
    assert "pending reminders" in run.stdout
