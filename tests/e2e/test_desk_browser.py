"""The desk in a real headless browser (Debian's chromium, driven by Playwright), beside a
running `turnout console`: the link asked for in the console opens the desk, a volunteer
marked here in the browser is here in the console's roster, the sign-ups export downloads
and parses. A screenshot of each page is kept under the test's tmp dir (`screenshots/`).

Skipped where no browser can be had: `pip install -e ".[browser]"` and
`apt-get install chromium` bring one.
"""

import csv
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_console_calendar import free_port

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Where a screenshot of the shifts page is copied for the README, when asked.
README_PICTURE = os.environ.get("TURNOUT_DESK_PICTURE", "")


class Console:
    """`turnout console` as a person types into it: a line in, the output read as it comes."""

    def __init__(self, tmp_path: Path, desk_port: int) -> None:
        script = Path(sys.executable).with_name("turnout")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.app.cli"]
        env = {
            **os.environ,
            "TURNOUT_TIMEZONE": "America/New_York",
            "TURNOUT_CAMPAIGN_NAME": "Dane County Democrats",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONUNBUFFERED": "1",
        }
        for name in ("DATABASE_URL", "TURNOUT_PUBLIC_URL"):
            env.pop(name, None)
        self._process = subprocess.Popen(
            [
                *command,
                "console",
                "--db",
                str(tmp_path / "desk.db"),
                "--now",
                "2026-11-20 17:30",
                "--desk",
                f"127.0.0.1:{desk_port}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.said: list[str] = []

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.put(line)

    def type(self, line: str, *, until: str) -> str:
        """Type `line`; the output up to and including a line matching `until`."""
        assert self._process.stdin is not None
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()
        return self.wait_for(until)

    def wait_for(self, pattern: str) -> str:
        seen: list[str] = []
        while True:
            try:
                line = self._lines.get(timeout=60)
            except queue.Empty:
                raise AssertionError(f"no {pattern!r} in:\n{''.join(seen)}") from None
            seen.append(line)
            self.said.append(line)
            if re.search(pattern, line):
                return "".join(seen)

    def close(self) -> None:
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.write(":quit\n")
            self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


@pytest.fixture
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip('Playwright is not installed (pip install -e ".[browser]")')
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium here (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        except Error as error:
            pytest.skip(f"chromium would not start: {error}")
        yield launched
        launched.close()


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[Console, int]]:
    port = free_port()
    started = Console(tmp_path, port)
    started.wait_for("Turnout console")
    yield started, port
    started.close()


def test_an_organizer_marks_a_volunteer_here_on_the_desk_and_the_console_agrees(
    browser: object, console: tuple[Console, int], tmp_path: Path
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    chat, port = console
    shots = tmp_path / "screenshots"
    shots.mkdir()
    chat.type('/phonebank create "Friday calls" 2026-11-20 18:00 2h 3', until="Created #1")
    chat.type('/phonebank create "Saturday canvass" 2026-11-21 10:00 3h 4', until="Created #2")
    for name in ("Maria", "Sam"):
        chat.type(f":as {name}", until=f"You are now {name}")
        chat.type("/phonebank join 1", until="You're in")
    chat.type(":as Olivia", until="You are now Olivia")
    chat.type(":advance 45m", until="Olivia>|6:15|clock")
    said = chat.type("/turnout desk", until="Open the desk")
    [link] = re.findall(rf"http://127\.0\.0\.1:{port}/desk/sign-in/\S+", said)

    page = browser.new_page(viewport={"width": 1100, "height": 800}, accept_downloads=True)
    page.goto(link)
    expect(page.get_by_role("heading", name="Shifts", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="#1 Friday calls")).to_be_visible()
    page.screenshot(path=shots / "shifts.png", full_page=True)
    if README_PICTURE:
        shutil.copy(shots / "shifts.png", README_PICTURE)

    page.get_by_role("link", name="#1 Friday calls").click()
    expect(page.get_by_role("heading", name="#1 Friday calls")).to_be_visible()
    page.get_by_role("button", name="Here: Maria").click()
    maria = page.get_by_role("row", name=re.compile("Maria"))
    expect(maria).to_contain_text("here (marked)")
    page.screenshot(path=shots / "shift.png", full_page=True)

    roster = chat.type("/phonebank attendance 1", until="Sam")
    assert "Maria (#2): here (marked)" in roster

    page.get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", name="People", exact=True)).to_be_visible()
    page.get_by_label("Name or #number").fill("Maria")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_text("Maria's record")).to_be_visible()
    page.screenshot(path=shots / "people.png", full_page=True)

    page.get_by_role("link", name="Numbers").click()
    expect(page.get_by_role("heading", name="Numbers", exact=True)).to_be_visible()
    page.screenshot(path=shots / "numbers.png", full_page=True)
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download sign-ups (CSV)").click()
    saved = tmp_path / "signups.csv"
    downloading.value.save_as(saved)
    rows = list(csv.DictReader(saved.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 2 and all("Friday calls" in row.values() for row in rows)

    # Phones: the same page, narrow.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"http://127.0.0.1:{port}/desk")
    page.screenshot(path=shots / "shifts-phone.png", full_page=True)
    # The export was announced to the organizers, as in chat (delivered as time passes).
    told = chat.type(":advance 1m", until="exported signups")
    assert "Olivia (#1) exported signups" in told

    # Once the shift is over, its page shows the wrap-up.
    chat.type(":advance 2h", until="Olivia>|clock|wrap|debrief|ended")
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto(f"http://127.0.0.1:{port}/desk")
    page.get_by_role("link", name="#1 Friday calls").click()
    expect(page.get_by_role("heading", name="Wrap-up")).to_be_visible()
    page.screenshot(path=shots / "wrap-up.png", full_page=True)
