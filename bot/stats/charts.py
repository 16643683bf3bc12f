"""The weekly chart: seats filled and attended as bars, the show rate as a line (PNG bytes).
When shifts of several kinds filled seats, each bar is stacked by kind, one colour per kind
(light: filled, dark: attended), named in the reader's language.

Pure: figures in, PNG bytes out. matplotlib is imported inside the function (a bare Figure
needs no backend: PNG is drawn by Agg), so starting Turnout never pays for it
(bench/startup.py measures start-up).
"""

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.kinds import KINDS, kind_of
from bot.domain.stats import WeekFigures
from bot.kernel.i18n import _

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Phone-sized and legible: 1200×675 px (16:9), big type.
WIDTH_PX, HEIGHT_PX, DPI = 1200, 675, 100
_FILLED, _ATTENDED, _RATE = "#9db4d3", "#1f5fa8", "#d9822b"
# Each kind's colour when the bars are split by kind (colour-blind-safe, apart from _RATE);
# a filled bar is its kind's colour, lighter.
_KIND_COLOURS = dict(
    zip(
        (kind.id for kind in KINDS),
        ("#1f5fa8", "#2a9d8f", "#8e44ad", "#6b8e23", "#b5651d", "#5d6d7e"),
        strict=True,
    )
)
_LIGHT = 0.4
_SHADE = "#555555"
_HALF = 0.4


def kinds_drawn(weeks: Sequence[WeekFigures]) -> tuple[str, ...]:
    """The kinds the bars are split into: those that filled a seat, when more than one did
    (one kind alone keeps the two plain bars)."""
    found = {share.kind for week in weeks for share in week.by_kind if share.filled}
    if len(found) < 2:
        return ()
    return tuple(kind.id for kind in KINDS if kind.id in found)


def weekly_chart(weeks: Sequence[WeekFigures], zone: ZoneInfo, *, title: str) -> bytes:
    """A PNG of seats filled vs attended per week, with the show rate (%) on its own axis."""
    chart = weekly_figure(weeks, zone, title=title)
    out = io.BytesIO()
    # zlib level 1: a few kB more for a flat-coloured chart, a third of the encoding time.
    chart.savefig(out, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return out.getvalue()


def weekly_figure(weeks: Sequence[WeekFigures], zone: ZoneInfo, *, title: str) -> "Figure":
    """The chart as a matplotlib figure (its legend names what each colour is)."""
    # Half a second to import: loaded with the first chart, never at start-up.
    from matplotlib import figure, patches, ticker

    chart = figure.Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    axes = chart.add_subplot()
    positions = list(range(len(weeks)))
    labels = [f"{w.starts.astimezone(zone):%b} {w.starts.astimezone(zone).day}" for w in weeks]
    kinds = kinds_drawn(weeks)
    shades: list[Artist] = []
    if kinds:
        _bars_by_kind(axes, weeks, kinds)
        # Which shade is which, in grey: every kind's pair reads the same way.
        shades = [
            patches.Patch(color=_SHADE, alpha=_LIGHT, label=_("Seats filled")),
            patches.Patch(color=_SHADE, label=_("Attended")),
        ]
    else:
        _bars(axes, weeks)
    tallest = max((w.filled for w in weeks), default=0)
    # Room above the bars for the legend; whole people only on the axis. A handful of ticks
    # reads as well at phone size and draws far fewer artists (ticks are most of the cost).
    axes.set_ylim(0, max(tallest, 1) * (1.6 if kinds else 1.3))
    axes.yaxis.set_major_locator(ticker.MaxNLocator(nbins=5, integer=True))
    axes.set_xticks(positions, labels, fontsize=14, rotation=45, ha="right")
    axes.tick_params(axis="y", labelsize=14)
    axes.set_ylabel(_("Volunteers"), fontsize=16)
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
        handles[0] + shades + more[0],
        handles[1] + [str(shade.get_label()) for shade in shades] + more[1],
        fontsize=12 if kinds else 14,
        loc="upper left",
        ncols=4 if kinds else 3,
        frameon=False,
    )
    # Fixed margins that fit the labels at these sizes: tight_layout() would draw it twice.
    chart.subplots_adjust(left=0.08, right=0.92, top=0.9, bottom=0.18)
    return chart


def _bars(axes: "Axes", weeks: Sequence[WeekFigures]) -> None:
    """Two bars a week: seats filled, and attended."""
    positions = range(len(weeks))
    filled = [w.filled for w in weeks]
    axes.bar(
        [p - _HALF / 2 for p in positions], filled, _HALF, color=_FILLED, label=_("Seats filled")
    )
    attended = [w.attended for w in weeks]
    axes.bar(
        [p + _HALF / 2 for p in positions], attended, _HALF, color=_ATTENDED, label=_("Attended")
    )


def _bars_by_kind(axes: "Axes", weeks: Sequence[WeekFigures], kinds: Sequence[str]) -> None:
    """The same two bars, each stacked by kind: a kind's colour light when filled, dark when
    attended; the legend names each kind."""
    positions = range(len(weeks))
    filled_below = [0] * len(weeks)
    attended_below = [0] * len(weeks)
    for kind_id in kinds:
        shares = [{s.kind: s for s in w.by_kind}.get(kind_id) for w in weeks]
        filled = [s.filled if s else 0 for s in shares]
        attended = [s.attended if s else 0 for s in shares]
        colour = _KIND_COLOURS.get(kind_id, _ATTENDED)
        axes.bar(
            [p - _HALF / 2 for p in positions],
            filled,
            _HALF,
            bottom=filled_below,
            color=colour,
            alpha=_LIGHT,
        )
        axes.bar(
            [p + _HALF / 2 for p in positions],
            attended,
            _HALF,
            bottom=attended_below,
            color=colour,
            label=_(kind_of(kind_id).name),
        )
        filled_below = [b + f for b, f in zip(filled_below, filled, strict=True)]
        attended_below = [b + a for b, a in zip(attended_below, attended, strict=True)]
