"""The money chart in the app: on the article history and in the recap preview, at 80x24 and
160x48. textual-plotext is imported only once a chart is shown."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot

from tests.tui.console_pilot import filter_board, make_app
from tui.dialogs.article_history import ArticleHistoryDialog
from tui.widgets.terms_chart import PLOT_ID, TermsChart

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
SHOTS = Path("/tmp/h-money")


async def history_chart(pilot: Pilot[None], article: str) -> TermsChart:
    """Open an article's history the way a user does (filter, Enter, Enter): its chart."""
    await filter_board(pilot, article)
    await pilot.press("enter")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ArticleHistoryDialog)
    return dialog.query_one(TermsChart)


@pytest.mark.parametrize("size", SIZES)
async def test_the_article_history_charts_its_terms(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        chart = await history_chart(pilot, "Salary")
        assert chart.display and chart.has_class("-shown")
        assert [t.name for t in chart.terms][:2] == ["salary_pct_y1", "salary_pct_y2"]
        assert chart.sessions and chart.names == ("REA", "RUSD")
        plot = chart.query_one(f"#{PLOT_ID}")
        assert plot.size.height > 0 and plot.size.width > 0
        if SHOTS.is_dir():
            app.save_screenshot(str(SHOTS / f"history-{size[0]}x{size[1]}.svg"))
        assert chart.region.bottom <= size[1]  # the chart fits on the screen
        await pilot.press("escape")


@pytest.mark.parametrize("size", SIZES)
async def test_an_article_without_terms_shows_no_chart(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        chart = await history_chart(pilot, "Recognition")
        assert not chart.terms and not chart.display
        assert not chart.query(f"#{PLOT_ID}")


def test_the_widget_module_does_not_import_plotext() -> None:
    import subprocess

    code = "import sys, tui.widgets.terms_chart; assert 'plotext' not in sys.modules"
    code += " and 'textual_plotext' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("size", SIZES)
async def test_the_recap_preview_charts_the_money(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    from models.store import Store
    from tests.tui.recap_host import Host, settle
    from tui.screens.recap import RecapScreen

    store = Store(demo_db, seat="lead")
    try:
        app = Host(store, clock)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, RecapScreen) and screen.choice.format == "md"
            chart = screen.query_one("#recap-chart", TermsChart)
            assert chart.display and chart.names == ("REA", "RUSD")
            assert [t.name for t in chart.terms][:2] == ["salary_pct_y1", "salary_pct_y2"]
            # members' chart: no supposal's number (RUSD's 3.5% what-if) is in it
            assert all(3.5 not in t.theirs_series for t in chart.terms)
            if SHOTS.is_dir():
                chart.scroll_visible(animate=False)
                await pilot.pause()
                app.save_screenshot(str(SHOTS / f"recap-{size[0]}x{size[1]}.svg"))
            await pilot.press("f")  # another format: the text preview, no chart drawn anew
            await settle(pilot)
            assert screen.choice.format != "md"
    finally:
        store.close()
