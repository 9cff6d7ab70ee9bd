"""Issue 14, items 2 and 3: after a note, the lead's keys are the board's again (unless the
seat is in note-taker mode, which is remembered and always shown), and team-only stays on
until turned off, in both modes. Typed with no pauses, at 80x24 and 160x48."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from models.domain import Visibility
from models.seat_settings import read_seat_settings
from models.store import Store
from tests.tui.test_type_ahead import type_fast
from tui.app import BargainingApp
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.screens.main import MainScreen
from tui.widgets.note_line import BACK_TO_BOARD, KEEP_TYPING, NoteLine
from tui.widgets.notes_pane import NotesPane

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

Opener = Callable[[Path], Store]


def new_app(demo_db: Path, clock: FrozenClock) -> BargainingApp:
    return BargainingApp(db_path=demo_db, seat="lead", clock=clock)


def notes_since(store: Store, before: int) -> list[tuple[str, Visibility]]:
    return [(n.text, n.visibility) for n in store.notes(5)[before:]]


def tag_of(app: BargainingApp) -> str:
    return str(app.screen.query_one("#note-visibility").render())


async def test_enter_gives_the_keys_back_to_the_board(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = len(open_store(demo_db).notes(5))
    app = new_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        assert app.screen.query_one(NotesPane).border_subtitle == BACK_TO_BOARD
        await type_fast(app, "n", "o", "k", "enter", "p", "1", "3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PassProposalDialog)
        assert app.screen.query_one("#pass-articles").value == "13"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.note_line.text == ""
    assert notes_since(open_store(demo_db), before) == [("ok", Visibility.MEMBERS)]


async def test_note_taker_mode_keeps_typing_and_is_remembered_for_the_seat(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = len(open_store(demo_db).notes(5))
    app = new_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one(NotesPane).border_subtitle == KEEP_TYPING
        await type_fast(app, "o", "n", "e", "enter", "p", "1", "3", "enter")  # ctrl+n: on the line
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.focused is app.screen.note_line.input
    assert notes_since(open_store(demo_db), before) == [
        ("one", Visibility.MEMBERS),
        ("p13", Visibility.MEMBERS),
    ]
    assert read_seat_settings(demo_db, "lead").keep_typing is True
    assert read_seat_settings(demo_db, "other").keep_typing is False
    again = new_app(demo_db, clock)
    async with again.run_test(size=size) as pilot:
        await pilot.pause()
        assert again.screen.query_one(NoteLine).keep_typing is True
        assert again.screen.query_one(NotesPane).border_subtitle == KEEP_TYPING
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert again.screen.query_one(NotesPane).border_subtitle == BACK_TO_BOARD
    assert read_seat_settings(demo_db, "lead").keep_typing is False


@pytest.mark.parametrize("keep_typing", [False, True], ids=["to-board", "note-taker"])
async def test_team_only_stays_on_across_notes_until_turned_off(
    demo_db: Path,
    clock: FrozenClock,
    size: tuple[int, int],
    open_store: Opener,
    keep_typing: bool,
) -> None:
    before = len(open_store(demo_db).notes(5))
    app = new_app(demo_db, clock)
    again = () if keep_typing else ("n",)  # note-taker mode's ctrl+n is on the line already
    async with app.run_test(size=size) as pilot:
        if keep_typing:
            await pilot.press("ctrl+n")
        await type_fast(app, *again, "ctrl+t", "a", "enter", *again, "b", "enter")
        await pilot.pause()
        assert tag_of(app).startswith("TEAM ONLY")
        await type_fast(app, *again, "ctrl+t", "c", "enter")
        await pilot.pause()
        assert tag_of(app).startswith("members")
    assert notes_since(open_store(demo_db), before) == [
        ("a", Visibility.TEAM),
        ("b", Visibility.TEAM),
        ("c", Visibility.MEMBERS),
    ]


async def test_team_only_survives_a_restart_after_a_note(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = new_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await type_fast(app, "n", "ctrl+t", "a", "enter")
        await pilot.pause()
    again = new_app(demo_db, clock)
    async with again.run_test(size=size) as pilot:
        await pilot.pause()
        assert tag_of(again).startswith("TEAM ONLY")


async def test_turning_note_taker_mode_on_goes_to_the_note_line(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    """Seen in tmux: ctrl+n on the board, then "first" typed as a note, ran the board's `i`
    and Enter, and marked an information request answered."""
    store = open_store(demo_db)
    notes, answered = len(store.notes(5)), [r.id for r in store.info_requests() if r.answered]
    app = new_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#board").focus()
        await pilot.press("ctrl+n")
        await type_fast(app, "f", "i", "r", "s", "t", "enter", "m", "o", "r", "e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.focused is app.screen.note_line.input
    store = open_store(demo_db)
    assert notes_since(store, notes) == [
        ("first", Visibility.MEMBERS),
        ("more", Visibility.MEMBERS),
    ]
    assert [r.id for r in store.info_requests() if r.answered] == answered


async def test_a_note_taker_seat_opens_on_the_note_line(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    """Seen in tmux: restarted in note-taker mode, the first note typed ran the board's keys."""
    from models.seat_settings import SeatSettings, save_seat_settings

    save_seat_settings(demo_db, "lead", SeatSettings(keep_typing=True))
    before = len(open_store(demo_db).notes(5))
    app = new_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await type_fast(app, "t", "h", "i", "r", "d", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.focused is app.screen.note_line.input
    assert notes_since(open_store(demo_db), before) == [("third", Visibility.MEMBERS)]
