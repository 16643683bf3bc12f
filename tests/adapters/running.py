"""`turnout` as a real process: `turnout run` against the local fakes, and one-off commands."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def turnout_cli(
    cwd: Path, url: str, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> tuple[int, str]:
    """`turnout <args>` in a fresh process on DATABASE_URL `url`, no platform configured: its
    exit code and all it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "bot.app.cli", *args],
        cwd=cwd,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "",
            "DISCORD_TOKEN": "",
            **(env or {}),
        },
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout + done.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def turnout_run(tmp_path: Path, env: dict[str, str]) -> asyncio.subprocess.Process:
    """Start `turnout run` on a fresh SQLite file with only the platforms `env` configures.

    Its health listener is on a free port of 127.0.0.1 unless `env` says where.
    """
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.app.cli",
        "run",
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'turnout.db'}",
            "SLACK_BOT_TOKEN": "",
            "DISCORD_TOKEN": "",
            "TURNOUT_HTTP_HOST": "127.0.0.1",
            "TURNOUT_HTTP_PORT": str(free_port()),
            **env,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def until_logged(process: asyncio.subprocess.Process, text: str, log: list[str]) -> None:
    assert process.stderr is not None
    while line := (await process.stderr.readline()).decode():
        log.append(line)
        if text in line:
            return
    raise AssertionError("turnout run ended early:\n" + "".join(log))


async def stop(process: asyncio.subprocess.Process, log: list[str]) -> None:
    """SIGTERM, as a service manager stops it; whatever it logged after goes into `log`."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    _, rest = await asyncio.wait_for(process.communicate(), 30)
    log.append(rest.decode())
