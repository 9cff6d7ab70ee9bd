"""The sessions screen's corrections, by keys alone: `r` reschedules the highlighted session
(prefilled with what it is), `x` cancels one that never started (after a yes), `e` removes or
moves its agenda items; and the console's palette reaches the same agenda list. At 80x24 and
160x48; the database is the proof."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Input

from models import actions
from models.domain import SessionMode
from models.store import Store
from tests.tui.test_sessions_screen import Host
from tui.app import BargainingApp
from tui.dialogs.agenda_edit import AgendaEditDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.schedule_session import ScheduleSessionDialog
from tui.screens.sessions import SessionsScreen

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
LA = ZoneInfo("America/Los_Angeles")


def schedule_two_and_three(store: Store) -> None:
    actions.schedule_session(
        store, number=2, starts=datetime(2026, 3, 17, 16, 30, tzinfo=LA), location="Room 4"
    )
    actions.schedule_session(store, number=3, starts=datetime(2026, 3, 24, 16, 30, tzinfo=LA))


@SIZES
async def test_r_reschedules_the_highlighted_session(
    small_store: Store, size: tuple[int, int]
) -> None:
    schedule_two_and_three(small_store)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("down")  # session 2
        await pilot.pause()
        assert app.screen.selected_number() == 2
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleSessionDialog)
        assert "Reschedule session 2" in str(app.screen.query_one(".form-dialog").border_title)
        assert app.screen.query_one("#number", Input).disabled
        assert app.screen.query_one("#date", Input).value == "2026-03-17"
        assert app.screen.query_one("#location", Input).value == "Room 4"
        await pilot.press(*"2026-03-18", "tab", "tab", *"https://zoom.us/j/9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    moved = small_store.session(2)
    assert moved.starts == datetime(2026, 3, 18, 16, 30, tzinfo=LA)
    assert moved.location == "https://zoom.us/j/9"
    assert moved.mode is SessionMode.ZOOM  # a link makes an in-person session a Zoom one
    lines = list(small_store.events(types=["session.rescheduled"]))
    assert len(lines) == 1 and set(lines[0].data) >= {"starts", "location", "mode"}
    assert "kind" not in lines[0].data and "mediator" not in lines[0].data  # only what changed


@SIZES
async def test_x_cancels_a_session_that_never_started_after_a_yes(
    small_store: Store, size: tuple[int, int]
) -> None:
    schedule_two_and_three(small_store)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("home")
        await pilot.press("x")  # session 1 started: refused, nothing asked
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("down", "down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert not small_store.session(3).cancelled
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        table = app.screen.query_one("#sessions-table")
        assert "cancelled" in " ".join(str(c) for c in table.get_row("3"))  # type: ignore[attr-defined]
    assert small_store.session(3).cancelled
    assert not small_store.session(1).cancelled


@SIZES
async def test_e_removes_and_moves_agenda_items(small_store: Store, size: tuple[int, int]) -> None:
    schedule_two_and_three(small_store)
    for title in ("Salary", "Leaves", "Class size"):
        actions.add_agenda_item(small_store, 2, title)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditDialog)
        await pilot.press("down", "down", "left_square_bracket")  # Class size up one
        await pilot.pause()
        assert [i.title for i in small_store.agenda(2)] == ["Salary", "Class size", "Leaves"]
        assert app.screen.highlighted is not None and app.screen.highlighted.title == "Class size"
        await pilot.press("shift+up")
        await pilot.pause()
        assert [i.title for i in small_store.agenda(2)] == ["Class size", "Salary", "Leaves"]
        await pilot.press("down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditDialog)
        assert [i.title for i in app.screen.items] == ["Class size", "Leaves"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
    assert [i.title for i in small_store.agenda(2)] == ["Class size", "Leaves"]


@SIZES
async def test_the_palette_opens_the_agenda_and_an_item_under_way_stays(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+p", *"Edit the agenda")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditDialog)
        before = [i.title for i in app.screen.items]
        active = next(i for i in app.screen.items if i.status.value == "active")
        await pilot.press(*["down"] * (active.position - 1), "x")
        await pilot.pause()
        await pilot.press("y")  # refused: the item is under way
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditDialog)
        assert [i.title for i in app.screen.items] == before
        await pilot.press("left_square_bracket")  # moving it is a correction like any other
        await pilot.pause()
        after = [i.title for i in app.screen.items]
        assert after[active.position - 2] == active.title
        await pilot.press("escape")
        await pilot.pause()
        shown = [item.title for item in app.screen.query_one("Agenda").items]  # type: ignore[attr-defined]
        assert shown == after
