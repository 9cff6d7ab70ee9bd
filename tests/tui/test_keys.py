"""Every key of the console, driven with Pilot at 80x24 and 160x48.

Each test asserts what the database holds afterwards, read through a second connection (as
another program would see it), not only what the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual import events
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Digits, Input, OptionList

from models import actions
from models.domain import (
    AgendaStatus,
    CaucusSide,
    NoteKind,
    Party,
    ProposalKind,
    ProposalStatus,
    Visibility,
)
from models.store import Store
from tui.app import BargainingApp
from tui.commands import EXTRA_COMMANDS, BargainCommands
from tui.dialogs.article_history import ArticleHistoryDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpDialog
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.dialogs.pick_caucus import PickCaucusDialog
from tui.dialogs.speaker import SpeakerDialog
from tui.screens.main import MainScreen
from tui.screens.note_draft import DRAFT_DELAY
from tui.widgets.article_board import ArticleBoard
from tui.widgets.caucus_clock import CaucusClock

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]

Opener = Callable[[Path], Store]


@pytest.fixture(params=SIZES)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


def make_app(path: Path, clock: FrozenClock, seat: str = "lead") -> BargainingApp:
    return BargainingApp(db_path=path, seat=seat, clock=clock)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers (the label suggestion) finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type into the focused field. Long text arrives as one paste (the way a terminal
    delivers a burst), which keeps the suite fast; short text is pressed key by key."""
    if len(text) <= 4:
        await pilot.press(*text)
        return
    await pilot.pause()  # a focus() just asked for lands first
    focused = pilot.app.focused
    assert focused is not None, f"nothing has the focus to type {text!r} into"
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def filter_board(pilot: Pilot[None], text: str) -> None:
    """Select an article the way a user would: filter the board, Enter back to it."""
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.press("enter")


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


# ---------------------------------------------------------------------- proposals and TAs


async def test_p_passes_a_proposal(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    expected = actions.suggest_label(open_store(demo_db), Party.EMPLOYER, ProposalKind.COUNTER)
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await filter_board(pilot, "Special Education")
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PassProposalDialog)
        # The side that holds the article answers: RUSD holds 13.
        assert dialog.query_one("#pass-label", Input).value == expected
        assert dialog.query_one("#pass-articles", Input).value == "13"
        await pilot.press("end")
        await type_text(pilot, ", 14")
        for field, text in (
            ("#pass-summary", "Caseload caps of 28"),
            ("#pass-terms", "caseload_cap=28"),
        ):
            dialog.query_one(field, Input).focus()
            await type_text(pilot, text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        board = app.screen.query_one(ArticleBoard)
        assert board.selected is not None and board.selected.holder is Party.UNION
    proposal = open_store(demo_db).proposals()[-1]
    assert (proposal.label, proposal.by, proposal.articles, proposal.summary, proposal.terms) == (
        expected,
        Party.EMPLOYER,
        ("13", "14"),
        "Caseload caps of 28",
        {"caseload_cap": 28.0},
    )
    assert {r.number: r.holder for r in open_store(demo_db).board()}["14"] is Party.UNION


async def test_pass_dialog_shows_errors_beside_fields_and_escape_changes_nothing(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "99")
        await pilot.pause()
        error = dialog.query_one("#pass-articles-error")
        assert "no article 99" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # Save refused until it is right
        dialog.query_one("#pass-terms", Input).focus()
        await type_text(pilot, "salary=lots")
        await pilot.pause()
        assert "not a term" in str(dialog.query_one("#pass-terms-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert open_store(demo_db).last_seq() == before


async def test_w_withdraws_a_proposal(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await filter_board(pilot, "Safety")
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")  # the latest proposal touching 12: REA #7
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    store = open_store(demo_db)
    withdrawn = {p.label: p.status for p in store.proposals()}
    assert withdrawn["REA #7"] is ProposalStatus.WITHDRAWN
    assert {r.number: r.holder for r in store.board()}["12"] is Party.UNION


async def test_t_records_a_ta_from_the_selected_article(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await filter_board(pilot, "Class Size")
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#ta-articles", Input).value == "8"
        assert dialog.query_one("#ta-union", Input).value == "MD"  # from the last TA
        dialog.query_one("#ta-summary", Input).focus()
        await type_text(pilot, "Class size caps stay; new TK ratio")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    ta = open_store(demo_db).tas()[-1]
    assert (ta.articles, ta.initials_union, ta.initials_employer, ta.summary) == (
        ("8",),
        "MD",
        "GH",
        "Class size caps stay; new TK ratio",
    )


# ---------------------------------------------------------------------- caucuses


async def test_c_calls_a_caucus(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "1h30")  # the minutes field is focused, its text selected
        await pilot.press("tab")
        await type_text(pilot, "Can we move on salary?")
        await pilot.press("enter")
        await pilot.pause()
        clocks = list(app.screen.query(CaucusClock))
        assert len(clocks) == 1 and clocks[0].query_one(Digits).value == "1:30:00"
    caucus = open_store(demo_db).caucuses(5, open_only=True)[0]
    assert (caucus.side, caucus.minutes, caucus.purpose) == (
        CaucusSide.UNION,
        90,
        "Can we move on salary?",
    )
    assert caucus.due_back == clock() + timedelta(minutes=90)


async def test_caucus_minutes_are_checked_as_typed(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    before = open_store(demo_db).last_seq()
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await type_text(pilot, "soon")
        await pilot.pause()
        assert "not a duration" in str(app.screen.query_one("#caucus-minutes-error").render())
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, MainScreen)
        await pilot.press("escape")
    assert open_store(demo_db).last_seq() == before


async def test_e_ends_the_caucus(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        clock.advance(minutes=12)
        await pilot.press("e")
        await pilot.pause()
        assert not list(app.screen.query(CaucusClock))
    caucus = open_store(demo_db).caucuses(5)[-1]
    assert caucus.ended_at == clock() and not caucus.open


async def test_a_caucus_due_back_rings_the_bell_and_notifies_once(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = make_app(demo_db, clock)
    rung: list[object] = []
    app.bell = lambda: rung.append(clock())  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")  # 20 minutes
        await pilot.pause()
        clock.advance(minutes=19, seconds=50)
        await pilot.pause(1.2)  # a tick of the one-second clock
        assert not rung
        clock.advance(seconds=20)
        await pilot.pause(1.2)
        assert rung == [clock()]
        messages = [notification.message for notification in app._notifications]
        assert messages == ["The REA caucus is due back now."]
        await pilot.pause(1.2)
        assert len(rung) == 1  # once, not every second of the overrun
        assert app.screen.query_one(CaucusClock).query_one(Digits).value == "+00:10"


async def test_e_asks_which_when_both_sides_are_out(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")  # REA
        await pilot.pause()
        await pilot.press("c", "ctrl+s")  # then RUSD: ours is already out
        await pilot.pause()
        assert len(app.screen.query(CaucusClock)) == 2
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PickCaucusDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
    open_now = open_store(demo_db).caucuses(5, open_only=True)
    assert [c.side for c in open_now] == [CaucusSide.UNION]


async def test_plus_extends_the_caucus(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        await type_text(pilot, "15m")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(CaucusClock).query_one(Digits).value == "35:00"
    caucus = open_store(demo_db).caucuses(5, open_only=True)[0]
    assert caucus.extended_minutes == 15
    assert caucus.due_back == clock() + timedelta(minutes=35)


# ---------------------------------------------------------------------- agenda, requests


async def test_a_starts_the_next_agenda_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        await pilot.pause()
    items = open_store(demo_db).agenda(5)
    assert [i.status for i in items[-2:]] == [AgendaStatus.DONE, AgendaStatus.ACTIVE]
    assert items[-1].started_at == clock()


async def test_shift_a_skips_the_next_agenda_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("A")
        await pilot.pause()
    items = open_store(demo_db).agenda(5)
    assert [i.status for i in items[-2:]] == [AgendaStatus.ACTIVE, AgendaStatus.SKIPPED]


async def test_palette_adds_an_agenda_item(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "add an agenda item")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Health benefits")
        await pilot.press("tab")
        await type_text(pilot, "25")
        await pilot.press("tab")
        await type_text(pilot, "6")
        await pilot.press("ctrl+s")
        await pilot.pause()
    item = open_store(demo_db).agenda(5)[-1]
    assert (item.title, item.minutes, item.articles) == ("Health benefits", 25, ("6",))


async def test_i_makes_an_information_request(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab", "tab")  # past the open requests and "asked by"
        await type_text(pilot, "Counselor caseloads by site")
        await pilot.press("tab")
        await type_text(pilot, "2026-04-01")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    request = open_store(demo_db).info_requests()[-1]
    assert (request.text, request.by, str(request.due)) == (
        "Counselor caseloads by site",
        Party.UNION,
        "2026-04-01",
    )


async def test_i_then_enter_marks_a_request_answered(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    first_open = next(r for r in open_store(demo_db).info_requests() if not r.answered)
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    answered = {r.id: r for r in open_store(demo_db).info_requests()}[first_open.id]
    assert answered.answered and answered.answered_session == 5


# ---------------------------------------------------------------------- sessions


async def test_s_ends_the_session_with_next_and_call_to_action(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await type_text(pilot, "Pack the board meeting on April 2")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    session = open_store(demo_db).session(5)
    assert session.ended_at == clock()
    assert session.call_to_action == "Pack the board meeting on April 2"
    assert session.next is not None
    assert session.next.starts.isoformat() == "2026-03-29T16:30:00-07:00"
    assert list((demo_db.parent / "backups").glob("*session-5-ended*"))


async def test_s_starts_the_next_session(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], open_store: Opener
) -> None:
    with Store(demo_db, seat="lead", clock=clock) as store:
        actions.end_session(store, 5)
    clock.advance(days=7)
    app = make_app(demo_db, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "Board room")
        await pilot.press("enter")
        await pilot.pause()
        assert "Session 6" in str(app.screen.query_one("#header").render())
    session = open_store(demo_db).session(6)
    assert session.running and session.started_at == clock()
    assert session.location == "Board room"


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
