"""The console's keys for proposals, TAs and caucuses (p, w, t, c, e, +), driven with Pilot at
80x24 and 160x48.

Each test asserts what the database holds afterwards, read through a second connection (as
another program would see it), not only what the screen shows.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Digits, Input

from models import actions
from models.domain import CaucusSide, Party, ProposalKind, ProposalStatus
from tests.tui.console_pilot import Opener, filter_board, make_app, settle, type_text
from tui.dialogs.pass_proposal import PassProposalDialog
from tui.dialogs.pick_caucus import PickCaucusDialog
from tui.screens.main import MainScreen
from tui.widgets.article_board import ArticleBoard
from tui.widgets.caucus_clock import CaucusClock

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock

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
