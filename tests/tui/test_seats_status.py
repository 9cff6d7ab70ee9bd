"""The seats' status line (issue 16): always visible while the app syncs, at 80x24 and wide.

The exchange here is a stand-in that returns the reports a real one could: the words on the
screen are what is tested (tests/seats drive the real exchange through a folder).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot

from models.seats import ExchangeReport as Report
from models.seats import SeatSeen as Seen
from tui.app import BargainingApp
from tui.widgets.sync_status import SyncStatus, age_words

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [(80, 24), (160, 48)]
AT = datetime(2026, 3, 23, 1, 20, tzinfo=UTC)


def report(**changes: object) -> Report:
    base = Report(AT, 0, 0, 0, (Seen("b" * 32, ("Lakeside laptop",), AT),), 0, ())
    return base._replace(**changes)


def exchange_returning(*reports: Report | Exception) -> Callable[[object, Path], Report]:
    """An exchange that returns (or raises) `reports` in turn, then the last one forever."""
    left = list(reports)

    def run(_store: object, _folder: Path) -> Report:
        outcome = left.pop(0) if len(left) > 1 else left[0]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return run


def status(app: BargainingApp) -> str:
    """The status line's words ("" while it is hidden)."""
    widget = app.screen.query_one(SyncStatus)
    return str(widget.render()) if widget.display else ""


async def wait_for(pilot: Pilot[None], seen: Callable[[], bool], limit: float = 5.0) -> None:
    started = time.monotonic()
    while not seen():
        assert time.monotonic() - started < limit, "not shown in time"
        await pilot.pause(0.05)


def syncing_app(demo_db: Path, clock: FrozenClock, tmp_path: Path, *reports: Report | Exception):
    return BargainingApp(
        db_path=demo_db,
        seat="lead",
        clock=clock,
        sync=tmp_path / "shared",
        exchange=exchange_returning(*reports),
        sync_seconds=0.05,
    )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
async def test_the_status_says_when_with_how_many_what_waits_and_conflicts(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = syncing_app(demo_db, clock, tmp_path, report(waiting=2, conflicts=1))
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: "synced" in status(app))
        line = status(app)
        assert line.startswith("synced 0 s ago")
        assert "2 seats with Lakeside laptop · 2 waiting · 1 conflict (C)" in line
        assert len(line) <= size[0]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
async def test_a_quiet_seat_and_a_problem_are_said_plainly(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, size: tuple[int, int]
) -> None:
    quiet = (Seen("b" * 32, ("Lakeside laptop",), AT - timedelta(minutes=14)),)
    app = syncing_app(demo_db, clock, tmp_path, report(seats=quiet, conflicts=1))
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: "synced" in status(app))
        line = status(app)
        assert "Lakeside laptop last seen 14 min ago" in line
        assert "1 conflict" in line
    # An exchange says a problem once; the line keeps it (and a toast said it whole).
    newer = f"{tmp_path}/shared/seats/{'c' * 8}-aaaa-bbbb-cccc-{'d' * 12}/000002.seg is newer"
    app = syncing_app(demo_db, clock, tmp_path, report(problems=(newer,)), report())
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: "synced" in status(app))
        await pilot.pause(0.3)  # a few clean exchanges later
        assert "seats/cccccccc…/000002.seg is newer" in status(app)
        assert [n.message for n in app._notifications] == [newer]
    app = syncing_app(demo_db, clock, tmp_path, PermissionError(13, "Permission denied"))
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: "stopped" in status(app))
        line = status(app)
        assert line.startswith("sync stopped: the shared folder cannot be read or written")
        assert "\n" not in line


async def test_without_a_folder_there_is_no_status_line(demo_db: Path, clock: FrozenClock) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert not app.screen.query_one(SyncStatus).display
        assert app.seat_sync is None


async def test_events_received_reload_the_screens(
    demo_db: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    """After an exchange that received events, the board and notes are read again."""
    from models import actions
    from models.store import Store

    def exchange(store: Store, _folder: Path) -> Report:
        if not exchange.done:  # type: ignore[attr-defined]
            exchange.done = True  # type: ignore[attr-defined]
            actions.add_note(store, session=5, text="Arrived from the other seat")
            return report(received=1)
        return report()

    exchange.done = False  # type: ignore[attr-defined]
    app = BargainingApp(
        db_path=demo_db, seat="lead", clock=clock, sync=tmp_path / "shared", exchange=exchange
    )
    async with app.run_test(size=(160, 48)) as pilot:
        log = app.screen.query_one("#note-log")
        await wait_for(pilot, lambda: "Arrived from the other seat" in str(log.render()))


async def test_before_another_seat_writes_the_line_says_so(
    demo_db: Path, clock: FrozenClock, tmp_path: Path
) -> None:
    app = syncing_app(demo_db, clock, tmp_path, report(seats=()))
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for(pilot, lambda: "synced" in status(app))
        assert "· no other seat yet ·" in status(app)


def test_a_short_line_gives_up_the_names_then_the_count_then_what_waits() -> None:
    from tui.seat_sync import SyncView
    from tui.widgets.sync_status import status_line

    seats = (
        Seen("b" * 32, ("Lakeside laptop",), AT),
        Seen("c" * 32, ("Zoom note-taker", "Priya"), AT),
    )
    view = SyncView(Path("/shared"), report(seats=seats, waiting=1, conflicts=2), 10.0)
    lines = [str(status_line(view, 13.0, width)) for width in (120, 78, 50, 34)]
    assert lines == [
        "synced 3 s ago · 3 seats with Lakeside laptop, Zoom note-taker / Priya · 1 waiting"
        " · 2 conflicts (C)",
        "synced 3 s ago · 3 seats · 1 waiting · 2 conflicts (C)",
        "synced 3 s ago · 1 waiting · 2 conflicts (C)",
        "synced 3 s ago · 2 conflicts (C)",
    ]


def test_ages_read_in_the_fewest_words() -> None:
    assert [age_words(timedelta(seconds=s)) for s in (3, 59, 60, 14 * 60, 3600, 3900, 86400)] == [
        "3 s",
        "59 s",
        "1 min",
        "14 min",
        "1 h",
        "1 h 5 min",
        "1 day",
    ]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x48"])
async def test_the_conflicts_screen_opens_from_the_palette_and_the_help_names_its_key(
    demo_db: Path, clock: FrozenClock, tmp_path: Path, size: tuple[int, int]
) -> None:
    from textual.widgets import Static

    from tui.screens.conflicts import ConflictsScreen

    app = syncing_app(demo_db, clock, tmp_path, report())
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: "synced" in status(app))
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text", Static).render())
        assert any(
            line.split()[:2] == ["C", "Conflicts"] for line in help_text.splitlines() if line
        ), help_text
        assert "waiting  What this seat recorded that is not in the folder yet" in help_text
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "conflicts between":
            await pilot.press("space" if key == " " else key)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        assert app.screen.has_class("-empty")
        assert "synced" in status(app), "the status line stays visible on this screen"


async def test_a_database_without_a_campaign_does_not_sync_and_says_to_join(
    tmp_path: Path, clock: FrozenClock
) -> None:
    app = BargainingApp(
        tmp_path / "new.db", seat="notes", clock=clock, sync=tmp_path / "shared", sync_seconds=0.05
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert app.seat_sync is None
        (toast,) = [n.message for n in app._notifications]
        assert f"bargain join {tmp_path / 'shared'}" in toast
    assert not (tmp_path / "shared").exists()
