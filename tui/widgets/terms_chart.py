"""A terminal chart of the money: each side's position on each term, session by session.

The same terms and numbers as the recap's PNG (`exports.money.chart_terms`: those both sides
hold, at most four), drawn by textual-plotext: one small plot per term, side by side, as many
as the width holds. textual-plotext (and plotext) is imported the first time a chart is
shown, so nothing of it loads at start-up. The widget only draws what it is
given: the table comes from `models.money`, already cut to what the audience may see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

if TYPE_CHECKING:
    from textual import events

    from models.money import MoneyTable, MoneyTerm

PLOT_ID = "terms-chart-plot"
MIN_PLOT_WIDTH = 34
"""The narrowest a plot of one term may be: a narrow widget shows fewer terms."""


class TermsChart(Widget):
    """Each side's position over the sessions, for the terms of one table (hidden if none)."""

    DEFAULT_CSS = """
    TermsChart { height: 11; width: 1fr; display: none; }
    TermsChart.-shown { display: block; }
    TermsChart #terms-chart-title { height: 1; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.terms: tuple[MoneyTerm, ...] = ()
        self.sessions: tuple[int, ...] = ()
        self.names: tuple[str, str] = ("", "")
        self._layout: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="terms-chart-title", markup=False)

    def show(self, table: MoneyTable | None, ours: str, theirs: str) -> None:
        """Draw `table`'s terms (`ours` and `theirs` name the two lines); hide for none."""
        from exports.money import chart_terms

        self.terms = chart_terms(table) if table is not None and table.sessions else ()
        self.sessions = table.sessions if table is not None else ()
        self.names = (ours, theirs)
        self.set_class(bool(self.terms), "-shown")
        self._layout = None
        if self.terms:
            self.query_one("#terms-chart-title", Static).update(
                f"Where the money stands, session by session: {ours} ● · {theirs} ■"
            )
            self._draw()

    def on_resize(self, event: events.Resize) -> None:
        if self.terms:
            self._draw()

    def _draw(self) -> None:
        from textual_plotext import PlotextPlot

        found = self.query(f"#{PLOT_ID}")
        if found:
            plot = found.first(PlotextPlot)
        else:
            plot = PlotextPlot(id=PLOT_ID)
            self.mount(plot)
        width = self.size.width or 80
        columns = max(1, min(len(self.terms), width // MIN_PLOT_WIDTH))
        layout = (columns, width)
        if layout == self._layout:
            return
        self._layout = layout
        plt = plot.plt
        plt.clear_figure()
        plt.subplots(1, columns)
        for index, term in enumerate(self.terms[:columns]):
            sub = plt.subplot(1, index + 1)
            for series, marker, color in (
                (term.ours_series, "●", "red"),
                (term.theirs_series, "■", "cyan"),
            ):
                points = [
                    (s, v) for s, v in zip(self.sessions, series, strict=True) if v is not None
                ]
                if points:
                    xs, ys = (list(values) for values in zip(*points, strict=True))
                    sub.plot(xs, ys, marker="braille", color=color)
                    sub.scatter(xs, ys, marker=marker, color=color)
            sub.title(f"{term.label} ({term.unit})" if term.unit else term.label)
            sub.xticks(list(self.sessions))
        plot.refresh()
