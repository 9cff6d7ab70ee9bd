"""What a user needs reads at 80x24, and a wider screen shows more (issue 14, item 11): the
board keeps "Last move" at 100 columns, agenda titles wrap instead of being cut, and two
caucuses at 80x24 leave the agenda room."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import actions
from models.domain import AgendaStatus, CaucusSide
from models.store import Store
from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.widgets.agenda import Agenda
from tui.widgets.article_board import ArticleBoard
from tui.widgets.board_layout import last
from tui.widgets.key_bar import KeyBar

SIZES = pytest.mark.parametrize(
    "size", [(80, 24), (100, 30), (160, 48)], ids=["80x24", "100x30", "160x48"]
)


def shows(title: str, text: str) -> bool:
    """Every word of the title, in order, among the words shown (the minutes beside a
    title's first line come between them)."""
    shown = iter(text.split())
    return all(word in shown for word in title.split())


@pytest.mark.parametrize("size", [(100, 30), (160, 48)], ids=["100x30", "160x48"])
async def test_last_move_stays_at_100_columns_with_package_labels(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        assert "RUSD #5 (package)" in {last(row) for row in board.all_rows}
        assert board.column_titles[-1] == "Last move"
        drawn = "\n".join(board.render_line(y).text for y in range(board.size.height))
        assert "RUSD #5 (package)" in drawn
        assert sum(board.column_widths) <= board.size.width


async def test_at_80_columns_the_board_keeps_its_five_columns(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        assert board.column_titles == ("Article", "Title", "Status", "Holder", "Held")


@SIZES
async def test_agenda_titles_wrap_and_are_never_cut(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one(Agenda)
        shown = agenda.render().plain
        assert "…" not in shown
        for item in agenda.items:
            if item.status is not AgendaStatus.DONE or size[1] >= 30:
                assert shows(item.title, shown), item.title
        assert len(shown.splitlines()) <= agenda.content_region.height


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_two_caucuses_leave_the_agenda_room(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    store = Store(demo_db, create=False, seat="other", clock=clock)
    actions.call_caucus(store, session=5, side=CaucusSide.UNION, minutes=20)
    actions.call_caucus(store, session=5, side=CaucusSide.EMPLOYER, minutes=30)
    store.close()
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(1.2)  # a tick: the clocks fit themselves to the column
        await pilot.pause()
        agenda = app.screen.query_one(Agenda)
        assert agenda.content_region.height >= 6
        active = next(item for item in agenda.items if item.status is AgendaStatus.ACTIVE)
        assert shows(active.title, agenda.render().plain)
        panel = app.screen.query_one("#caucuses")
        titles = [str(label.render()) for label in panel.query(".caucus-title")]
        text = " ".join(" ".join(titles).split())
        assert "REA" in text and "RUSD" in text
        if size == (80, 24):
            assert panel.outer_size.height == 2  # a line each
            assert "due" in text


@pytest.mark.parametrize("key", ["r", "S", "R", "ctrl+o"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_side_screens_footers_read_at_80_columns(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], key: str
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one(ArticleBoard).focus()
        await pilot.press(key)
        await pilot.pause(0.3)
        bar = app.screen.query_one(KeyBar)
        text = bar.render().plain  # type: ignore[union-attr]
        assert len(text) <= size[0]
        assert text.rstrip().endswith("^p palette")
        whole = [e for e in bar.entries if f"{e.display} {e.description}" in text]
        if len(whole) < len(bar.entries):
            assert "? Keys" in text  # the help lists what had to go
        assert len(whole) >= min(4, len(bar.entries))
        cut = [e for e in bar.entries if e not in whole and f" {e.display} " in text]
        assert not cut, f"cut labels on {text!r}"
        if size[0] >= 160:
            assert len(whole) == len(bar.entries)
