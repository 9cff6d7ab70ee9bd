"""The console's keys for undo and redo, for looking around (/, Enter, ?, S, R, r, q), and its
bindings and palette, driven with Pilot at 80x24 and 160x48.

Each test asserts what the database holds afterwards, read through a second connection (as
another program would see it), not only what the screen shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.binding import Binding

from models import actions
from models.domain import CaucusSide, Party
from tests.tui.console_pilot import Opener, filter_board, make_app, type_text
from tui.app import BargainingApp
from tui.commands import EXTRA_COMMANDS, BargainCommands
from tui.dialogs.article_history import ArticleHistoryDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpDialog
from tui.screens.main import MainScreen
from tui.widgets.article_board import ArticleBoard

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

# ---------------------------------------------------------------------- undo, redo


async def test_ctrl_z_undoes_after_asking_and_ctrl_y_redoes(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Typo note")
        await pilot.press("enter", "escape", "ctrl+z")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Typo note" in dialog.question
        await pilot.press("enter")
        await pilot.pause()
        assert "Typo note" not in str(app.screen.query_one("#note-log").render())
        assert [n.text for n in open_store(demo_db).notes(5, limit=1)] != ["Typo note"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Typo note" in str(app.screen.query_one("#note-log").render())
    assert [n.text for n in open_store(demo_db).notes(5, limit=1)] == ["Typo note"]


async def test_ctrl_z_shows_why_it_cannot_undo(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        # The other seat extends the caucus this seat called: the call cannot be undone now.
        actions.extend_caucus(open_store(demo_db), session=5, side=CaucusSide.UNION, minutes=5)
        before = open_store(demo_db).last_seq()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("cannot undo it" in message for message in shown)
    assert open_store(demo_db).last_seq() == before
    assert open_store(demo_db).caucuses(5, open_only=True)


async def test_escape_on_the_undo_question_changes_nothing(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        before = open_store(demo_db).last_seq()
        await pilot.press("ctrl+z", "escape")
        await pilot.pause()
    assert open_store(demo_db).last_seq() == before


# ---------------------------------------------------------------------- looking around


async def test_slash_filters_the_board_by_holder(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await filter_board(pilot, "rusd")
        board = app.screen.query_one(ArticleBoard)
        rows = board.visible_rows()
        assert rows and all(r.holder is Party.EMPLOYER or "RUSD" in r.last_proposal for r in rows)
        assert board.row_count == len(rows) < len(board.all_rows)
        await pilot.press("escape")
        assert board.row_count == len(board.all_rows)
    assert open_store(demo_db).last_seq() == before


async def test_enter_opens_the_article_history(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await filter_board(pilot, "Salary")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ArticleHistoryDialog) and dialog.number == "5"
        labels = [entry.label for entry in dialog.entries]
        assert labels[-2:] == ["RUSD #8", "REA #8"]
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    assert open_store(demo_db).last_seq() == before


async def test_question_mark_shows_every_key(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        text = str(app.screen.query_one("#help-text").render())
        for key in (
            "n",
            "p",
            "w",
            "t",
            "c",
            "e",
            "+",
            "i",
            "a",
            "A",
            "s",
            "/",
            "N",
            "ctrl+t",
            "^z",
            "^y",
            "S",
            "R",
            "r",
            "q",
            "?",
        ):
            assert f" {key}  " in text, key
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


AROUND = {"S": "SessionsScreen", "R": "ArticlesScreen", "r": "RecapScreen"}


@pytest.mark.parametrize("key", ["S", "R", "r"])
async def test_screens_around_the_table_open_once_and_never_stack(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], key: str, open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    other = next(k for k in AROUND if k != key)
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == AROUND[key]
        depth = len(app.screen_stack)
        await pilot.press(key)  # again: still the one screen
        await pilot.pause()
        assert len(app.screen_stack) == depth
        await pilot.press(other)  # another: it takes the place of the first
        await pilot.pause()
        assert type(app.screen).__name__ == AROUND[other]
        assert len(app.screen_stack) == depth
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert open_store(demo_db).last_seq() == before


async def test_q_quits(demo_db: Path, clock: FrozenClock, size: tuple[int, int]) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app._exit_renderables is not None or not app.is_running


# ---------------------------------------------------------------------- bindings, palette


def test_every_binding_has_a_description_and_an_id() -> None:
    for owner in (BargainingApp, MainScreen):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.description and binding.id and binding.tooltip, binding


async def test_the_palette_reaches_every_action(demo_db: Path, clock: FrozenClock) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=(80, 24)):
        provider = BargainCommands(app.screen)
        actions_found = {command.action for command, _node in provider._commands()}
    wanted = {
        b.action
        for owner in (BargainingApp, MainScreen)
        for b in owner.BINDINGS
        # Escape and the note line's Enter are no commands.
        if isinstance(b, Binding) and b.action not in ("leave", "note_enter")
    }
    assert wanted <= actions_found
    assert {c.action for c in EXTRA_COMMANDS} <= actions_found


async def test_a_click_on_the_key_bar_presses_the_key(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    from tui.dialogs.help import HelpDialog
    from tui.widgets.key_bar import KeyBar

    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        start = next(start for start, _end, entry in bar._spans if entry.display == "?")
        await pilot.click(KeyBar, offset=(start, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
