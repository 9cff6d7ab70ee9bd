"""The notes read-back (`N`) corrects notes: `e` edits one, `v` switches it between the team
and the members, `u` undoes it after a yes; each is a journal event, read back here through a
second connection as another program would see it. At 80x24 and 160x48."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import OptionList

from models import actions
from models.domain import Visibility
from models.store import Store
from tui.app import BargainingApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.note_edit import NoteEditDialog
from tui.dialogs.session_notes import SessionNotesDialog

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
Opener = Callable[[Path], Store]


def listed(app: BargainingApp) -> list[str]:
    notes = app.screen.query_one("#notes-list", OptionList)
    return [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]


def add_last_note(path: Path, opener: Opener, text: str) -> str:
    store = opener(path)
    return actions.add_note(store, session=5, text=text, visibility=Visibility.MEMBERS).id


@SIZES
async def test_e_edits_the_highlighted_note_and_marks_it(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    note_id = add_last_note(demo_db, open_store, "District offers 2 percent")
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesDialog)
        assert app.screen.highlighted is not None and app.screen.highlighted.id == note_id
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditDialog)
        await pilot.press("end", "ctrl+u", *"District offers 2.5 percent", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesDialog)
        assert "District offers 2.5 percent (edited)" in listed(app)[-1]
        await pilot.press("escape")
        await pilot.pause()
        pane = str(app.screen.query_one("#note-log").render())
        assert "2.5 percent" in pane
    note = next(n for n in open_store(demo_db).notes(5) if n.id == note_id)
    assert note.text == "District offers 2.5 percent" and note.edited
    edits = [e for e in open_store(demo_db).events(types=["note.edited"]) if not e.undone]
    assert [e.data["note"] for e in edits] == [note_id]
    assert set(edits[0].data) == {"type", "id", "at", "seat", "note", "text"}


@SIZES
async def test_v_switches_team_and_members_and_u_undoes_after_a_yes(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    note_id = add_last_note(demo_db, open_store, "We could live with 3 percent")
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert "team" in listed(app)[-1] and "(edited)" in listed(app)[-1]
        assert next(n for n in open_store(demo_db).notes(5) if n.id == note_id).visibility == (
            Visibility.TEAM
        )
        await pilot.press("v")
        await pilot.pause()
        assert next(n for n in open_store(demo_db).notes(5) if n.id == note_id).visibility == (
            Visibility.MEMBERS
        )
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: nothing changes
        await pilot.pause()
        assert note_id in {n.id for n in open_store(demo_db).notes(5)}
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesDialog)
        assert not any("3 percent" in line for line in listed(app))
    assert note_id not in {n.id for n in open_store(demo_db).notes(5)}


@SIZES
async def test_a_refused_edit_stays_in_the_form_and_changes_nothing(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    add_last_note(demo_db, open_store, "Short note")
    before = open_store(demo_db).last_seq()
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", "enter")  # an empty text is refused
        await pilot.pause()
        assert isinstance(app.screen, NoteEditDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesDialog)
    assert open_store(demo_db).last_seq() == before


@SIZES
async def test_typing_in_the_edit_form_fixes_and_never_replaces(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    note_id = add_last_note(demo_db, open_store, "District offers 2 percnt")
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("N", "e", "backspace", "backspace", *"ent", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesDialog)
    note = next(n for n in open_store(demo_db).notes(5) if n.id == note_id)
    assert note.text == "District offers 2 percent"
