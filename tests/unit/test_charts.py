"""The weekly chart: a PNG that opens, at phone-friendly 1200×675, even with no data."""

import io
import subprocess
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
from matplotlib import image
from matplotlib.patches import Rectangle

from bot.domain.stats import KindWeek, WeekFigures, week_starts
from bot.kernel.i18n import reading_in
from bot.stats.charts import HEIGHT_PX, WIDTH_PX, kinds_drawn, weekly_chart, weekly_figure

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


def _mixed_weeks() -> list[WeekFigures]:
    bounds = week_starts(datetime(2026, 11, 2, 14, tzinfo=UTC), NEW_YORK)
    split = (KindWeek("phonebank", 6, 5), KindWeek("canvass", 8, 6))
    return [WeekFigures(b, 14, 14, 11, split) for b in bounds]


def _legend(weeks: list[WeekFigures]) -> list[str]:
    legend = weekly_figure(weeks, NEW_YORK, title="Seats").axes[0].get_legend()
    assert legend is not None
    return [text.get_text() for text in legend.get_texts()]


def test_several_kinds_split_the_bars_by_kind_named_in_the_reader_s_language() -> None:
    weeks = _mixed_weeks()

    assert kinds_drawn(weeks) == ("phonebank", "canvass")
    assert _legend(weeks) == ["Phone bank", "Canvass", "Seats filled", "Attended", "Show rate"]
    with reading_in("es"):
        spanish = _legend(weeks)
    assert spanish[:2] == ["Banco de llamadas", "Puerta a puerta"]
    # Each kind's bars stack: the attended bars of a week reach the week's total.
    axes = weekly_figure(weeks, NEW_YORK, title="Seats").axes[0]
    bars = [p for p in axes.patches if isinstance(p, Rectangle) and p.get_height()]
    tops = [bar.get_y() + bar.get_height() for bar in bars]
    assert max(tops) == 14
    assert _opened(weekly_chart(weeks, NEW_YORK, title="Seats")).shape[:2] == (675, 1200)


def test_one_kind_alone_keeps_the_two_plain_bars() -> None:
    weeks = _weeks([10] * 12, [7] * 12)
    only_canvasses = [WeekFigures(w.starts, 3, 3, 2, (KindWeek("canvass", 3, 2),)) for w in weeks]

    assert kinds_drawn(weeks) == kinds_drawn(only_canvasses) == ()
    assert _legend(only_canvasses) == ["Seats filled", "Attended", "Show rate"]
