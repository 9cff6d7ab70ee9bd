"""The money chart as PNG bytes: each side's position on each term at the end of each session.

matplotlib draws it, through `matplotlib.figure.Figure` and the Agg canvas (no pyplot, no
display), imported only when a chart is drawn: a recap without terms never loads it. The
same table gives the same bytes (no software stamp, no date in the PNG's metadata; the
fonts are the ones matplotlib ships). matplotlib keeps a font cache in `MPLCONFIGDIR`, which
is pointed at the app's cache folder unless it is already set: nothing is written into the
package. The function returns bytes; nothing here writes a file.
"""

from __future__ import annotations

import hashlib
import io
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from exports.money import chart_terms

if TYPE_CHECKING:
    from exports.kept import Kept
    from models.money import MoneyTable, MoneyTerm

_DRAWING_CODE = Path(__file__).read_bytes()
"""This module's source: a change to the drawing makes every kept chart stale."""
OURS_COLOR = "#b91c1c"
THEIRS_COLOR = "#374151"
WIDTH_IN = 4.2
ROW_IN = 1.3
TOP_IN = 0.5
BOTTOM_IN = 0.45
DPI = 150
MAX_TICKS = 10
"""At most this many sessions are numbered on the axis (each tick label costs a drawing)."""
MAX_MARKED = 24
"""A series this long or shorter marks each session's point; a longer one is a plain line."""


@lru_cache(maxsize=16)
def chart_key(table: MoneyTable, *, ours: str, theirs: str, session_word: str) -> str:
    """What the chart's bytes depend on, as a hex digest: the numbers and names drawn, this
    module's drawing code and the chart library's version. Kept for the process: the e-mail
    asks for it once to look in the cache and once to keep what it drew."""
    digest = hashlib.sha256(_DRAWING_CODE)
    digest.update(repr((_library_version(), table, ours, theirs, session_word)).encode("utf-8"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _library_version() -> str:
    """matplotlib's version, read from its package metadata without importing it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("matplotlib")
    except PackageNotFoundError:
        return "none"


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ChartInputs(NamedTuple):
    """Everything one chart is drawn from: the money table, the two lines' names and the
    word under the axis (see `exports.render.chart_inputs`)."""

    table: MoneyTable
    ours: str
    theirs: str
    session_word: str = "Session"

    def key(self) -> str:
        """The chart's key in a render cache (`chart_key`)."""
        return chart_key(
            self.table, ours=self.ours, theirs=self.theirs, session_word=self.session_word
        )

    def draw(self) -> bytes | None:
        """`money_chart_png` of these inputs."""
        return money_chart_png(
            self.table, ours=self.ours, theirs=self.theirs, session_word=self.session_word
        )


def kept_chart_png(inputs: ChartInputs, kept: Kept | None) -> bytes | None:
    """The chart of `inputs`, taken from `kept` when it holds it (a PNG), and kept there once
    drawn: the second recap of the same numbers never loads the chart library."""
    if kept is None:
        return inputs.draw()
    key = inputs.key()
    found = kept.get("charts", key)
    if found is not None and found.startswith(PNG_SIGNATURE):
        return found
    png = inputs.draw()
    if png is not None:
        kept.put("charts", key, png)
    return png


def chart_numbers(table: MoneyTable) -> list[float]:
    """Every number the chart plots (the property tests check them against what members
    may see)."""
    return [
        value
        for term in chart_terms(table)
        for value in (*term.ours_series, *term.theirs_series)
        if value is not None
    ]


@lru_cache(maxsize=16)
def money_chart_png(
    table: MoneyTable, *, ours: str, theirs: str, session_word: str = "Session"
) -> bytes | None:
    """The chart of `table`'s terms (see `exports.money.chart_terms`), or None when there is
    nothing to draw. `ours` and `theirs` name the two lines; `session_word` labels the axis.
    Kept for the process (the table is immutable): the html and the .eml of one recap, and the
    app's preview as it redraws, draw it once."""
    terms = chart_terms(table)
    if not terms or not table.sessions:
        return None
    point_config_at_cache()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    sessions = list(table.sessions)
    places = list(range(len(sessions)))  # evenly spaced, in the order the sessions started
    height = TOP_IN + BOTTOM_IN + ROW_IN * len(terms)
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(figure)
    # Fixed margins and ticks: the layout engines measure every label, which triples the time.
    figure.subplots_adjust(
        left=0.6 / WIDTH_IN,
        right=1 - 0.15 / WIDTH_IN,
        top=1 - TOP_IN / height,
        bottom=BOTTOM_IN / height,
        hspace=0.55,
    )
    # Not shared: the upper charts have no ticks of their own to make and draw.
    axes_list = figure.subplots(len(terms), 1, squeeze=False)[:, 0]
    nan = float("nan")
    for axes, term in zip(axes_list, terms, strict=True):
        for series, color, name, marker in (
            (term.ours_series, OURS_COLOR, ours, "o"),
            (term.theirs_series, THEIRS_COLOR, theirs, "s"),
        ):
            values = [nan if v is None else v for v in series]
            axes.plot(
                places,
                values,
                color=color,
                marker=marker if len(sessions) <= MAX_MARKED else None,
                markersize=5,
                linewidth=2,
                label=_plain(name),
            )
        title = f"{term.label} ({term.unit})" if term.unit else term.label
        # y given: matplotlib otherwise measures the ticks to place the title (a third of a draw).
        axes.set_title(_plain(title), loc="left", fontsize=10, fontweight="bold", y=1.0)
        low, high = _limits(term)
        axes.set_ylim(low, high)
        axes.set_yticks(_ticks(low, high))
        axes.grid(axis="y", color="#e5e7eb", linewidth=0.8)
        axes.tick_params(labelsize=8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.set_xlim(-0.3, places[-1] + 0.3)
        axes.set_xticks([])
    step = -(-len(sessions) // MAX_TICKS)
    axes_list[-1].set_xticks(places[::step], labels=[str(n) for n in sessions[::step]])
    axes_list[-1].set_xlabel(_plain(session_word), fontsize=9)
    handles, labels = axes_list[0].get_legend_handles_labels()
    figure.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(0.5 / WIDTH_IN, 1),
        ncols=2,
        fontsize=9,
        frameon=False,
    )
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def load_library() -> None:
    """Import what drawing needs (the chart library), ahead of the first drawing."""
    from importlib import import_module

    point_config_at_cache()
    for name in ("matplotlib.figure", "matplotlib.backends.backend_agg"):
        import_module(name)


def _plain(text: str) -> str:
    """A text matplotlib prints as it is: a `$` would otherwise start a formula."""
    return text.replace("$", r"\$")


def _limits(term: MoneyTerm) -> tuple[float, float]:
    values = [v for v in (*term.ours_series, *term.theirs_series) if v is not None]
    low, high = min(values), max(values)
    pad = (high - low) * 0.2
    if pad <= 1e-9 * max(abs(low), abs(high), 1.0):  # one value, or all but equal
        pad = max(abs(high) * 0.1, 1.0)
    return low - pad, high + pad


def _ticks(low: float, high: float) -> list[float]:
    """About four round ticks between low and high."""
    import math

    raw = (high - low) / 4
    if not raw > 0:
        return [low, high]
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [round(first + i * step, 10) for i in range(int((high - first) / step) + 1)]


def point_config_at_cache() -> None:
    """Point matplotlib's font cache at the app's cache folder (unless MPLCONFIGDIR is set):
    before matplotlib is imported."""
    if "MPLCONFIGDIR" not in os.environ:
        from models.locations import cache_dir

        os.environ["MPLCONFIGDIR"] = str(cache_dir() / "matplotlib")
