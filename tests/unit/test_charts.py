"""The weekly chart: a PNG that opens, at phone-friendly 1200×675, even with no data."""

import io
import subprocess
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
from matplotlib import image

from bot.domain.stats import WeekFigures, week_starts
from bot.stats.charts import HEIGHT_PX, WIDTH_PX, weekly_chart

NEW_YORK = ZoneInfo("America/New_York")


def _weeks(filled: list[int], attended: list[int]) -> list[WeekFigures]:
    bounds = week_starts(datetime(2026, 11, 2, 14, tzinfo=UTC), NEW_YORK)
    return [WeekFigures(b, f, f, a) for b, f, a in zip(bounds, filled, attended, strict=False)]


def _opened(png: bytes) -> np.ndarray:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return image.imread(io.BytesIO(png), format="png")


def test_the_chart_is_a_1200_by_675_png() -> None:
    png = weekly_chart(_weeks([10] * 12, [7] * 12), NEW_YORK, title="Seats filled and attended")
    assert (WIDTH_PX, HEIGHT_PX) == (1200, 675)
    assert _opened(png).shape[:2] == (675, 1200)


def test_weeks_with_nobody_signed_up_still_draw() -> None:
    png = weekly_chart(_weeks([0] * 12, [0] * 12), NEW_YORK, title="Nothing yet")
    assert _opened(png).shape[:2] == (675, 1200)


def test_importing_the_chart_module_does_not_load_matplotlib() -> None:
    code = "import sys, bot.stats.charts, bot.stats.numbers; print('matplotlib' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
