"""Snapshots of the console with the clock frozen at 18:20 Pacific on the demo's day.

A failing snapshot is read in its HTML report before anyone runs `--snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.pilot import Pilot

from tui.app import BargainingApp

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SnapCompare = Callable[..., bool]


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def app_on(demo_db: Path, clock: FrozenClock) -> BargainingApp:
    return BargainingApp(db_path=demo_db, seat="lead", clock=clock)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_main_screen(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    assert snap_compare(app_on(demo_db, clock), terminal_size=size, run_before=settle)


def test_running_caucus(snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock) -> None:
    async def call_caucus(pilot: Pilot[Any]) -> None:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        clock.advance(minutes=16)  # four minutes left: the warning style
        await pilot.pause(1.1)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(80, 24), run_before=call_caucus)


def test_overrun_while_the_other_side_is_out(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock
) -> None:
    async def run_over(pilot: Pilot[Any]) -> None:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # REA, 20 minutes
        await pilot.pause()
        clock.advance(minutes=25)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # RUSD is free next
        await pilot.pause()
        clock.advance(minutes=7, seconds=30)  # REA 12:30 over, RUSD 7:30 in
        await pilot.pause(1.1)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(100, 30), run_before=run_over)


def test_two_caucuses_at_80x24(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock
) -> None:
    """Two clocks of one line each: the agenda keeps its room (issue 14, item 11)."""

    async def both_out(pilot: Pilot[Any]) -> None:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # REA, 20 minutes
        await pilot.pause()
        clock.advance(minutes=5)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")  # RUSD
        await pilot.pause()
        await pilot.pause(1.1)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(80, 24), run_before=both_out)


def test_pass_dialog(snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock) -> None:
    async def open_pass(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"Special Education", "enter", "p")
        await settle(pilot)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(80, 24), run_before=open_pass)


def test_pass_dialog_with_errors(
    snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock
) -> None:
    async def wrong_articles(pilot: Pilot[Any]) -> None:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", "9", "9", "ctrl+s")
        await settle(pilot)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(80, 24), run_before=wrong_articles)


def test_ta_dialog(snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock) -> None:
    async def open_ta(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"Class Size", "enter", "t")
        await settle(pilot)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(80, 24), run_before=open_ta)


def test_light_theme(snap_compare: SnapCompare, demo_db: Path, clock: FrozenClock) -> None:
    async def light(pilot: Pilot[Any]) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot)

    assert snap_compare(app_on(demo_db, clock), terminal_size=(100, 30), run_before=light)
