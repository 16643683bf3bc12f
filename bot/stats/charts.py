"""The weekly chart: seats filled and attended as bars, the show rate as a line (PNG bytes).

Pure: figures in, PNG bytes out. matplotlib is imported inside the function (a bare Figure
needs no backend: PNG is drawn by Agg), so starting Turnout never pays for it
(bench/startup.py measures start-up).
"""

import io
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.domain.stats import WeekFigures
from bot.kernel.i18n import _

# Phone-sized and legible: 1200×675 px (16:9), big type.
WIDTH_PX, HEIGHT_PX, DPI = 1200, 675, 100
_FILLED, _ATTENDED, _RATE = "#9db4d3", "#1f5fa8", "#d9822b"


def weekly_chart(weeks: Sequence[WeekFigures], zone: ZoneInfo, *, title: str) -> bytes:
    """A PNG of seats filled vs attended per week, with the show rate (%) on its own axis."""
    # Half a second to import: loaded with the first chart, never at start-up.
    from matplotlib import figure, ticker

    chart = figure.Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    axes = chart.add_subplot()
    positions = list(range(len(weeks)))
    labels = [f"{w.starts.astimezone(zone):%b} {w.starts.astimezone(zone).day}" for w in weeks]
    half = 0.4
    filled = [w.filled for w in weeks]
    axes.bar(
        [p - half / 2 for p in positions], filled, half, color=_FILLED, label=_("Seats filled")
    )
    attended = [w.attended for w in weeks]
    axes.bar(
        [p + half / 2 for p in positions], attended, half, color=_ATTENDED, label=_("Attended")
    )
    tallest = max((w.filled for w in weeks), default=0)
    # Room above the bars for the legend; whole people only on the axis. A handful of ticks
    # reads as well at phone size and draws far fewer artists (ticks are most of the cost).
    axes.set_ylim(0, max(tallest, 1) * 1.3)
    axes.yaxis.set_major_locator(ticker.MaxNLocator(nbins=5, integer=True))
    axes.set_xticks(positions, labels, fontsize=14, rotation=45, ha="right")
    axes.tick_params(axis="y", labelsize=14)
    axes.set_ylabel("Volunteers", fontsize=16)
    axes.set_xlabel(_("Week starting"), fontsize=16)
    # A fixed title height: the automatic one measures every tick label of both axes again.
    axes.set_title(title, fontsize=20, pad=12, y=1.0)
    axes.spines[["top"]].set_visible(False)
    rate_axes = axes.twinx()
    rates = [100 * w.show_rate if w.show_rate is not None else float("nan") for w in weeks]
    rate_axes.plot(positions, rates, color=_RATE, marker="o", linewidth=3, label=_("Show rate"))
    rate_axes.set_ylim(0, 105)
    rate_axes.set_yticks([0, 25, 50, 75, 100])
    rate_axes.set_ylabel(_("Show rate (%)"), fontsize=16)
    rate_axes.tick_params(axis="y", labelsize=14)
    handles = axes.get_legend_handles_labels()
    more = rate_axes.get_legend_handles_labels()
    axes.legend(
        handles[0] + more[0],
        handles[1] + more[1],
        fontsize=14,
        loc="upper left",
        ncols=3,
        frameon=False,
    )
    # Fixed margins that fit the labels at these sizes: tight_layout() would draw it twice.
    chart.subplots_adjust(left=0.08, right=0.92, top=0.9, bottom=0.18)
    out = io.BytesIO()
    # zlib level 1: a few kB more for a flat-coloured chart, a third of the encoding time.
    chart.savefig(out, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return out.getvalue()
