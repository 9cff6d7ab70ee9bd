"""Snapshots of the console's states added for issue 14: the pass dialog with the campaign's
named terms, in both themes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from models.campaign_actions import change_settings
from models.store import Store
from tests.tui.test_snapshots import SnapCompare, app_on, settle

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_pass_dialog_with_named_terms(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock, theme: str
) -> None:
    store = Store(demo_db, seat="setup")
    change_settings(
        store,
        terms={
            "salary_pct_y1": {"label": "Salary, year 1", "unit": "%"},
            "salary_pct_y2": {"label": "Salary, year 2", "unit": "%"},
        },
    )
    store.close()

    async def open_pass(pilot: Pilot[Any]) -> None:
        pilot.app.theme = theme
        await pilot.press("slash", *"Salary", "enter", "p")
        await settle(pilot)
        await pilot.press(*"5", "tab", "tab", "tab", "tab", "tab", *"3.5")
        await settle(pilot)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(80, 24), run_before=open_pass)
