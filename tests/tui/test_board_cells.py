"""What the article board shows, read from the lines it draws (Textual's Line API): every
article in its columns, the cursor and the mouse's row, a redraw after a change, the theme's
colours, sideways scrolling, and the keys and clicks that choose an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip

from models.domain import Party
from models.store import Store
from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.dialogs.article_history import ArticleHistoryDialog
from tui.widgets.article_board import ArticleBoard
from tui.widgets.board_layout import COLUMNS, STATUS_WORDS

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
THEMES = pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])


def lines(board: ArticleBoard) -> list[Strip]:
    """The board's lines as it draws them now, top to bottom (header first)."""
    return [board.render_line(y) for y in range(board.size.height)]


def background(strip: Strip, x: int = 3) -> object:
    """The background colour of the cell at `x` of a line."""
    at = 0
    for segment in strip:
        if at + segment.cell_length > x and segment.style is not None:
            return segment.style.bgcolor
        at += segment.cell_length
    raise AssertionError("no cell there")


def style_of(strip: Strip, text: str) -> Style:
    """The style of the segment of a line that shows `text`."""
    found = [s.style for s in strip if s.text.strip() == text and s.style is not None]
    assert found, f"{text!r} is not on {strip.text!r}"
    return found[0]


@THEMES
@SIZES
async def test_the_board_shows_every_article_in_its_columns(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], theme: str
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    app.theme = theme
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        campaign = app.store.campaign()
        assert campaign is not None
        rows = app.store.board()
        assert board.row_count == len(rows) > 10
        drawn = lines(board)
        assert all(strip.cell_length == board.size.width for strip in drawn)
        header = drawn[0].text.split()
        assert header[:2] == ["Article", "Title"]
        assert board.column_titles == COLUMNS[: len(board.column_widths)]
        for row, strip in zip(rows, drawn[1:], strict=False):
            text = strip.text
            # long numbers and titles are cut, an ellipsis marking the cut
            assert text.startswith(f" {row.number[:9]}"), text
            assert row.title[:5] in text, text
            assert f" {STATUS_WORDS[row.status]} " in text or " – " in text
            if row.holder is not None:
                assert f" {campaign.short(row.holder)} " in text
        # the columns fit: every title column cell is as wide as the column allows
        assert sum(board.column_widths) <= board.size.width


@SIZES
async def test_the_cursor_and_the_mouse_mark_their_rows(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        assert board.has_focus and board.cursor_row == 0
        plain = background(lines(board)[3])
        cursor = background(lines(board)[1])
        assert cursor != plain
        await pilot.press("down", "down")
        drawn = lines(board)
        assert board.cursor_row == 2 and board.selected == board.visible_rows()[2]
        assert background(drawn[3]) == cursor and background(drawn[1]) == plain
        await pilot.hover(board, offset=(4, 5))  # the fifth row
        await pilot.pause()
        drawn = lines(board)
        hover = background(drawn[5])
        assert hover not in (plain, cursor)
        assert background(drawn[4]) == plain and background(drawn[3]) == cursor
        await pilot.press("up")  # the keys take over: the mouse's row is no longer marked
        assert background(lines(board)[5]) == plain


@SIZES
async def test_a_click_moves_the_cursor_and_a_second_click_opens_the_history(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        await pilot.click(board, offset=(4, 4))
        await pilot.pause()
        assert board.cursor_row == 3 and not isinstance(app.screen, ArticleHistoryDialog)
        await pilot.click(board, offset=(4, 4))
        await pilot.pause()
        assert isinstance(app.screen, ArticleHistoryDialog)
        assert app.screen.number == board.visible_rows()[3].number


@SIZES
async def test_the_keys_move_the_cursor_through_every_row(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        last = board.row_count - 1
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert board.cursor_row == last
        # scrolled so that the last row is on screen, under the header that stays put
        drawn = lines(board)
        assert drawn[0].text.split()[:2] == ["Article", "Title"]
        y = 1 + last - round(board.scroll_y)
        assert 1 <= y < len(drawn)
        assert drawn[y].text.startswith(f" {board.visible_rows()[last].number[:7]}")
        await pilot.press("down")
        assert board.cursor_row == last
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert board.cursor_row == 0 and board.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        page = board.size.height - 1
        assert board.cursor_row == min(page, last)
        assert board.scroll_y == min(page, board.max_scroll_y)
        await pilot.press("pageup")
        await pilot.pause()
        assert board.cursor_row == 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleHistoryDialog)
        assert app.screen.number == board.visible_rows()[0].number


async def test_a_change_to_one_article_is_drawn_and_the_others_stay(
    demo_db: Path, clock: FrozenClock, open_store: object
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        campaign = app.store.campaign()
        assert campaign is not None
        before = [strip.text for strip in lines(board)]
        rows = board.visible_rows()
        index, row = next((i, r) for i, r in enumerate(rows) if r.holder is Party.EMPLOYER)
        moved = row._replace(holder=Party.UNION)
        board.show([moved if r is row else r for r in rows], campaign, clock())
        await pilot.pause()
        after = [strip.text for strip in lines(board)]
        assert f" {campaign.short(Party.UNION)} " in after[1 + index]
        assert f" {campaign.short(Party.EMPLOYER)} " in before[1 + index]
        changed = [y for y, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
        assert changed == [1 + index]
        clock.advance(days=3)  # every age moves on
        board.tick(clock())
        await pilot.pause()
        aged = [strip.text for strip in lines(board)]
        assert aged[1 + index] != after[1 + index] and aged[0] == after[0]


async def test_a_theme_change_redraws_the_board_in_the_new_colours(
    demo_db: Path, clock: FrozenClock
) -> None:
    """The lines are cached: after a theme change none may keep the old theme's colours."""
    found: dict[str, tuple[Style, object]] = {}
    for theme in ("textual-light", "textual-dark"):
        fresh = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
        fresh.theme = theme
        async with fresh.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            board = fresh.screen.query_one(ArticleBoard)
            campaign = fresh.store.campaign()
            assert campaign is not None
            index = next(i for i, r in enumerate(board.visible_rows()) if r.holder is Party.UNION)
            strip = lines(board)[1 + index]
            found[theme] = (style_of(strip, campaign.short(Party.UNION)), background(strip))
    assert found["textual-light"] != found["textual-dark"]
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    app.theme = "textual-dark"
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        lines(board)
        app.theme = "textual-light"
        await pilot.pause()
        campaign = app.store.campaign()
        assert campaign is not None
        index = next(i for i, r in enumerate(board.visible_rows()) if r.holder is Party.UNION)
        strip = lines(board)[1 + index]
        assert (style_of(strip, campaign.short(Party.UNION)), background(strip)) == found[
            "textual-light"
        ]


class NarrowBoard(App[None]):
    """The board alone, narrower than its narrowest columns."""

    CSS = "ArticleBoard { width: 30; height: 12; }"

    def compose(self) -> ComposeResult:
        yield ArticleBoard(id="board")


async def test_a_board_wider_than_its_room_scrolls_sideways(
    demo_db: Path, clock: FrozenClock
) -> None:
    with Store(demo_db, seat="lead") as store:
        rows, campaign = store.board(), store.campaign()
    assert campaign is not None
    app = NarrowBoard()
    async with app.run_test(size=(40, 14)) as pilot:
        board = app.query_one(ArticleBoard)
        board.show(rows, campaign, clock())
        board.focus()
        await pilot.pause()
        assert sum(board.column_widths) > board.size.width
        first = [strip.text for strip in lines(board)]
        await pilot.press("right", "right")
        await pilot.pause()
        assert board.scroll_x == 2
        moved = [strip.text for strip in lines(board)]
        for old, new in zip(first, moved, strict=True):
            assert new[: len(new) - 2] == old[2:]
        assert all(strip.cell_length == board.size.width for strip in lines(board))
        await pilot.press("home")
        await pilot.pause()
        assert [strip.text for strip in lines(board)] == first
