"""Snapshots of the seats' status line and the conflicts screen (issue 16).

The clock is frozen; the status line counts from the latest exchange, which here runs every
0.05 s, so it always reads "synced 0 s ago". A failing snapshot is read in its HTML report
before anyone runs `--snapshot-update`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from tests.tui.test_seats_status import report, syncing_app
from tests.tui.test_two_computers import conflicting_tas
from tui.app import BargainingApp

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SnapCompare = Callable[..., bool]


async def synced(pilot: Pilot[Any]) -> None:
    """Until an exchange has come back to the app."""
    started = time.monotonic()
    while getattr(getattr(pilot.app, "sync_view", None), "received_at", None) is None:
        assert time.monotonic() - started < 10, "no exchange in time"
        await pilot.pause(0.05)
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_the_status_line_on_the_console(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock, tmp_path: Path, size: Any
) -> None:
    app = syncing_app(demo_db, clock, tmp_path, report(waiting=2, conflicts=1))
    assert snap_compare(app, terminal_size=size, run_before=synced)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_the_conflicts_screen(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock, tmp_path: Path, size: Any
) -> None:
    lead_db, folder, _notes_db = conflicting_tas(demo_db, tmp_path, clock)
    app = BargainingApp(lead_db, seat="lead", clock=clock, sync=folder, sync_seconds=0.05)

    async def open_conflicts(pilot: Pilot[Any]) -> None:
        await synced(pilot)
        await pilot.press("C")
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=size, run_before=open_conflicts)
