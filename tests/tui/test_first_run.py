"""First run: on an empty campaign every pane says what to press (issue 14, item 14). Pilot at
80x24 and 160x48, and a snapshot of the empty console."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from models import actions
from models.domain import Party
from models.store import Store
from tui.app import BargainingApp

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SnapCompare = Callable[..., bool]


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """A campaign just made with `bargain init`: no article, no session, no note."""
    path = tmp_path / "empty.db"
    with Store(path, create=True, seat="lead") as store:
        actions.create_campaign(
            store,
            union="Riverside Educators Association",
            union_short="REA",
            employer="Riverside Unified School District",
            employer_short="RUSD",
            timezone="America/Los_Angeles",
            our_side=Party.UNION,
        )
    return path


def pane(app: App[None], selector: str) -> str:
    """One pane's text as rendered, unwrapped."""
    region = app.screen.query_one(selector).region
    lines = [strip.text for strip in app.screen._compositor.render_strips()]
    inside = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
    return " ".join(" ".join(line.replace("│", " ").split()) for line in inside)


async def test_an_empty_campaign_says_what_to_press(
    empty_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=empty_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = pane(app, "#board-box")
        assert "No articles yet. Press R to add them or import a list." in board, board
        agenda = pane(app, "#agenda")
        assert "No session yet. Press S to schedule one, then s to start it." in agenda, agenda
        notes = pane(app, "#notes")
        assert "Press S to schedule one, then s to start it." in notes, notes
        assert "palette" not in agenda  # no agenda to add to before a session exists


async def test_with_a_session_scheduled_the_agenda_says_how_to_add_items(
    empty_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    with Store(empty_db, seat="lead") as store:
        actions.schedule_session(store, starts=clock())
    app = BargainingApp(db_path=empty_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        agenda = pane(app, "#agenda")
        assert "No agenda for session 1 yet." in agenda, agenda
        assert "ctrl+p" in agenda and "Add an agenda item" in agenda, agenda
        notes = pane(app, "#notes")
        assert "No notes in this session yet. Press n to take one." in notes, notes


async def test_a_filter_that_hides_every_article_says_so(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        board = pane(app, "#board-box")
        assert "No article matches the filter (Escape clears it)." in board, board


@pytest.mark.parametrize("terminal", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_first_run_snapshot(
    snap_compare: SnapCompare, empty_db: Path, clock: FrozenClock, terminal: tuple[int, int]
) -> None:
    async def settle(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = BargainingApp(db_path=empty_db, seat="lead", clock=clock)
    assert snap_compare(app, terminal_size=terminal, run_before=settle)
