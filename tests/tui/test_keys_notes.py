"""The console's note keys (n, N, the quote and action marks, ctrl+t, the kept draft), driven
with Pilot at 80x24 and 160x48.

Each test asserts what the database holds afterwards, read through a second connection (as
another program would see it), not only what the screen shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Input, OptionList

from models.domain import NoteKind, Party, Visibility
from tests.tui.console_pilot import Opener, make_app, type_text
from tui.dialogs.speaker import SpeakerDialog
from tui.screens.main import MainScreen
from tui.screens.note_draft import DRAFT_DELAY

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

# ---------------------------------------------------------------------- notes


async def test_n_then_enter_saves_a_note(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        assert isinstance(app.focused, Input) and app.focused.id == "note-input"
        await type_text(pilot, "Board wants a costing by Friday")
        await pilot.press("enter")
        await pilot.pause()
        # Enter saves and gives the keys back to the board (issue 14, item 2).
        assert app.focused is app.screen.query_one("#board")
        assert app.screen.query_one("#note-input", Input).value == ""
        assert "Board wants a costing by Friday" in str(app.screen.query_one("#note-log").render())
    note = open_store(demo_db).notes(5, limit=1)[0]
    assert (note.text, note.kind, note.visibility) == (
        "Board wants a costing by Friday",
        NoteKind.NOTE,
        Visibility.MEMBERS,
    )
    assert note.at == clock() and note.seat == "lead"


async def test_shift_n_reads_back_every_note_of_the_session(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    from models import actions
    from tui.dialogs.session_notes import SessionNotesDialog

    with open_store(demo_db) as store:
        for index in range(40):
            actions.add_note(store, session=5, text=f"Point {index} of the district's answer")
        before = store.last_seq()
        texts = [note.text for note in store.notes(5)]
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        pane = str(app.screen.query_one("#note-log").render())
        assert texts[0] not in pane  # the pane has room for the latest only
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, SessionNotesDialog)
        listed = app.screen.query_one("#notes-list", OptionList)
        shown = "\n".join(
            str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)
        )
        assert all(text in shown for text in texts)
        assert "Notes of session 5" in str(app.screen.query_one("#notes-box").border_title)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert open_store(demo_db).last_seq() == before


async def test_quote_with_name_and_action_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await type_text(pilot, '"Gregory Hale: We hear you on caseloads')
        await pilot.press("enter", "n")  # Enter gave the keys back to the board
        await type_text(pilot, "!Send the caseload survey to site reps")
        await pilot.press("enter")
        await pilot.pause()
    quote, action = open_store(demo_db).notes(5, limit=2)
    assert (quote.kind, quote.speaker, quote.text) == (
        NoteKind.QUOTE,
        "Gregory Hale",
        "We hear you on caseloads",
    )
    assert (action.kind, action.text) == (NoteKind.ACTION, "Send the caseload survey to site reps")


async def test_quote_without_name_asks_who_said_it(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await type_text(pilot, '"We cannot go above four percent')
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerDialog)
        await type_text(pilot, "Linda Cho")
        await pilot.press("tab", "enter", "down", "down", "enter")  # side: RUSD (employer)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    note = open_store(demo_db).notes(5, limit=1)[0]
    assert (note.kind, note.speaker, note.party, note.text) == (
        NoteKind.QUOTE,
        "Linda Cho",
        Party.EMPLOYER,
        "We cannot go above four percent",
    )


async def test_ctrl_t_makes_the_note_team_only(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Our floor is 4.5")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "TEAM ONLY" in str(app.screen.query_one("#note-visibility").render())
        await pilot.press("enter")
        await pilot.pause()
        # It stays on for the next note until turned off (issue 14, item 3).
        assert "TEAM ONLY" in str(app.screen.query_one("#note-visibility").render())
    note = open_store(demo_db).notes(5, limit=1)[0]
    assert (note.text, note.visibility) == ("Our floor is 4.5", Visibility.TEAM)


async def test_notes_default_to_team_only_while_our_side_is_out(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")  # our side (REA), 20 minutes
        await pilot.pause()
        await pilot.press("n")
        assert "TEAM ONLY" in str(app.screen.query_one("#note-visibility").render())
        await type_text(pilot, "We can live with 3.5 in year two")
        await pilot.press("enter")
        await pilot.pause()
    note = open_store(demo_db).notes(5, limit=1)[0]
    assert note.visibility is Visibility.TEAM


async def test_half_typed_note_is_kept_and_restored(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await type_text(pilot, "District says the reserve is")
        await pilot.pause(DRAFT_DELAY + 0.2)
        # Written while the app still runs: a kill now loses nothing shown.
        assert open_store(demo_db).draft("lead").text == "District says the reserve is"
        await type_text(pilot, " 12%")
        await pilot.press("escape", "q")  # at once: the last keys are written on the way out
    assert open_store(demo_db).draft("lead").text == "District says the reserve is 12%"
    again = make_app(demo_db, clock)
    async with again.run_test(size=size) as pilot:
        line = again.screen.query_one("#note-input", Input)
        assert line.value == "District says the reserve is 12%"
        await pilot.press("n", "enter")
        await pilot.pause()
    assert open_store(demo_db).notes(5, limit=1)[0].text == "District says the reserve is 12%"
    assert open_store(demo_db).draft("lead").text == ""
