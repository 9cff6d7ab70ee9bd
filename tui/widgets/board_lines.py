"""How a line of the article board is drawn: its cells padded to their columns, the row
cursor and the mouse's row laid over them, in the looks of Textual's DataTable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.widgets.board_layout import CELL_PADDING, Cell


class Frame(NamedTuple):
    """What every line of one frame shares, read from the board once per frame."""

    base: Style
    """The board's own style (its background, tinted while it has the focus)."""
    header: Style
    widths: tuple[int, ...]
    width: int
    cursor: Style
    hover: Style
    looks: dict[str, Style]
    """A cell look's style ("" plain, "bold", a component class)."""
    key: tuple[object, ...]
    """Everything above that a drawn line depends on, for the board's line cache."""


def _over(frame: Frame, cursor: bool, hover: bool) -> Style:
    """The cursor's and the mouse's styles, laid over a row."""
    over = Style()
    if hover:
        over += frame.hover
    if cursor:
        over += frame.cursor
    return over


def draw(
    frame: Frame, index: int, cells: Sequence[Cell], scroll_x: int, cursor: bool, hover: bool
) -> Strip:
    """The header's line (index -1: the header's style, neither cursor nor mouse) or a row's:
    each cell padded to its column, then the row's style to the right edge, scrolled
    `scroll_x` cells sideways. The cursor's and the mouse's colours stay over the cells' own
    (DataTable's "css" priority), not over the space right of the last column."""
    header = index < 0
    row_style = frame.header if header else frame.base
    extend = Style() if header else _over(frame, cursor, hover)
    keep = (
        Style.null()
        if header
        else Style.from_color(extend.color) + Style.from_color(bgcolor=extend.bgcolor)
    )
    segments: list[Segment] = []
    for column, (cell, width) in enumerate(zip(cells, frame.widths, strict=False)):
        # The row and column ride along in the style, as DataTable's do: a click or the
        # mouse finds its row in `event.style.meta`.
        pre = (row_style + Style.from_meta({"row": index, "column": column})) + extend
        blank = pre + keep if keep else pre
        segments.append(Segment(" " * CELL_PADDING, blank))
        if cell.text:
            text = pre + frame.looks[cell.look] if cell.look else pre
            segments.append(Segment(cell.text, text + keep if keep else text))
        fill = width - 2 * CELL_PADDING - cell_len(cell.text)
        if fill > 0:
            segments.append(Segment(" " * fill, blank))
        segments.append(Segment(" " * CELL_PADDING, blank))
    rest = (row_style + extend) + Style.from_meta(
        {"row": index, "column": 0, "out_of_bounds": True}
    )
    segments.append(Segment(" " * max(0, frame.width - sum(frame.widths)), rest))
    strip = Strip(segments)
    if scroll_x:
        strip = strip.crop(scroll_x, scroll_x + frame.width)
    return strip.adjust_cell_length(frame.width, frame.base).simplify()
