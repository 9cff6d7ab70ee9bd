"""SVG snapshots of the settings screen, in both themes, at 80x24 and 160x48 (looked at as
PNGs before they were taken). The screen reads no clock; input cursors do not blink.
A failing snapshot is read in its HTML report before anyone runs `--snapshot-update`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from models.actions import change_settings
from models.store import Store
from tests.support import SMALL_JOURNAL
from tui.app import BargainingApp

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

Compare = Callable[..., bool]


@pytest.fixture
def configured(tmp_path: Path) -> Path:
    """The small campaign with recap settings and one named term."""
    path = tmp_path / "settings.db"
    with Store(path, create=True, seat="lead") as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
        change_settings(
            store,
            {
                "from": "REA Bargaining Team <bargaining@rea.example.org>",
                "signoff": "In solidarity,\nthe REA Bargaining Team",
            },
            {"salary_pct_y1": {"label": "Salary, year 1", "unit": "%", "cost_per_unit": "1250000"}},
        )
    return path


def opened(theme: str, *keys: str, end: bool = False) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.theme = theme
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*keys)
        if end:
            pilot.app.screen.query_one("#settings-form").scroll_end(animate=False)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_settings_80x24(
    snap_compare: Compare, configured: Path, clock: FrozenClock, theme: str
) -> None:
    app = BargainingApp(configured, seat="lead", clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(theme))


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_settings_terms_with_one_marked_removed(
    snap_compare: Compare, configured: Path, clock: FrozenClock, theme: str
) -> None:
    async def remove(pilot: Pilot[Any]) -> None:
        await opened(theme)(pilot)
        pilot.app.screen.query_one("#term-salary_pct_y1-remove").focus()
        await pilot.press("enter")
        pilot.app.screen.query_one("#settings-form").scroll_end(animate=False)
        await pilot.pause()

    app = BargainingApp(configured, seat="lead", clock=clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=remove)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_settings_wide_with_errors_shown(
    snap_compare: Compare, configured: Path, clock: FrozenClock, theme: str
) -> None:
    keys = ("tab", "ctrl+a", "ctrl+k", "tab", "tab", "tab", "ctrl+a", "ctrl+k", "ctrl+s")
    app = BargainingApp(configured, seat="lead", clock=clock)
    assert snap_compare(app, terminal_size=(160, 48), run_before=opened(theme, *keys))
