"""The board draws its one-line cells itself (a quarter of the time of Rich's general path):
every cell of the demo board, in every cursor and hover state and in both themes, must come
out as the segments DataTable draws (empty segments aside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.widgets.article_board import ArticleBoard


def shown(lines: list[list[Segment]]) -> list[list[Segment]]:
    """What a terminal shows of the lines: empty segments show nothing (Rich leaves some in,
    depending on the text's style)."""
    return [[segment for segment in line if segment.text] for line in lines]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_boards_own_cells_are_datatables_cells(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], theme: str
) -> None:
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        assert board.row_count > 10
        board._pseudo_class_state = board.get_pseudo_class_state()
        base = board.rich_style
        compared = 0
        for row in range(board.row_count):
            for column in range(len(board.ordered_columns)):
                width = board.ordered_columns[column].get_render_width(board)
                for cursor in (False, True):
                    for hover in (False, True):
                        own = board._plain_cell(row, column, base, width, cursor, hover)
                        assert own is not None, (row, column)
                        drawn = DataTable._render_cell(
                            board, row, column, base, width, cursor, hover
                        )
                        assert shown(own) == shown(drawn), (row, column, cursor, hover)
                        compared += 1
        assert compared == board.row_count * len(board.ordered_columns) * 4


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_boards_own_rows_are_datatables_rows(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], theme: str
) -> None:
    """Every row line the board draws itself is the strip DataTable's row assembly draws, with
    the cursor and the mouse on the row or elsewhere."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        board._pseudo_class_state = board.get_pseudo_class_state()
        board._show_hover_cursor = True
        base = board.rich_style
        width = board.size.width
        compared = 0
        for row in range(board.row_count):
            row_key = board._row_locations.get_key(row)
            y = board.header_height + row
            for cursor_row in (row, (row + 1) % board.row_count):
                for hover_row in (row, (row + 2) % board.row_count):
                    board.cursor_coordinate = Coordinate(cursor_row, 0)
                    board.hover_coordinate = Coordinate(hover_row, 0)
                    own = board._draw_row(row_key, row, 0, width, board._make_frame())
                    assert own is not None, row
                    drawn = DataTable._render_line(board, y, 0, width, base)
                    assert list(own) == list(drawn), (row, cursor_row, hover_row)
                    assert own.cell_length == width
                    compared += 1
        assert compared == board.row_count * 4
        for row in range(board.row_count):  # scrolled sideways: a cropped line
            row_key = board._row_locations.get_key(row)
            own = board._draw_row(row_key, row, 2, width + 2, board._make_frame())
            drawn = DataTable._render_line(board, board.header_height + row, 2, width + 2, base)
            assert own is not None and list(own) == list(drawn), row
            assert own.cell_length == width
