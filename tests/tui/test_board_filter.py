"""The board's filter at the table: status and holder words select by status and holder, the
rest is text over number and title, and the filter line says what it understood (issue 14,
item 8). Pilot at 80x24 and 160x48 on the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.pilot import Pilot

from models.domain import ArticleStatus, Party
from tui.app import BargainingApp
from tui.widgets.article_board import ArticleBoard

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


def screen_text(app: App[None]) -> str:
    """Every line of the screen as drawn, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def type_filter(pilot: Pilot[None], text: str) -> ArticleBoard:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.pause()
    return pilot.app.screen.query_one(ArticleBoard)


async def test_open_lists_open_articles_only(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        board = await type_filter(pilot, "open")
        rows = board.visible_rows()
        assert rows and {row.status for row in rows} == {ArticleStatus.OPEN}
        assert board.filter_reads.startswith("open: ")
        await pilot.press("ctrl+a", "ctrl+k", *"not opened")
        await pilot.pause()
        rows = board.visible_rows()
        assert rows and {row.status for row in rows} == {ArticleStatus.NOT_OPENED}


async def test_a_short_name_lists_what_that_party_must_answer(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        board = await type_filter(pilot, "RUSD")
        held = [row for row in board.all_rows if row.holder is Party.EMPLOYER]
        assert held and board.visible_rows() == held
        await pilot.press("ctrl+a", "ctrl+k", *"theirs")
        await pilot.pause()
        assert board.visible_rows() == held
        assert "in their court (RUSD)" in screen_text(app)


async def test_the_filter_line_says_what_it_understood(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        board = await type_filter(pilot, "ours safety")
        rows = board.visible_rows()
        assert all(row.holder is Party.UNION for row in rows)
        assert all("safety" in f"{row.number} {row.title}".casefold() for row in rows)
        expected = f"in our court (REA) · 'safety': {len(rows)} of {len(board.all_rows)}"
        assert board.filter_reads == expected
        text = screen_text(app)
        assert expected in text, text
        await pilot.press("escape")
        await pilot.pause()
        assert board.filter_text == "" and board.filter_reads == ""
        assert "in our court" not in screen_text(app)
