"""The article board: every article, whose court the ball is in, and for how long.

The board draws its own lines through Textual's Line API (a `ScrollView` with `render_line`,
as toolong's log view does): a header line that stays put, one line per article, a row
cursor, the mouse's row, sideways scrolling. Each line is cached on what it shows, so a pass
that moves one holder draws one line again, not the whole board.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from models.domain import BoardRow, Campaign
from models.filters import BoardQuery, describe_board_filter, filter_board, parse_board_filter
from tui.widgets import board_layout, board_lines
from tui.widgets.board_layout import COLUMNS, Cell, Layout
from tui.widgets.board_lines import Frame

HEADER_HEIGHT = 1
"""The column titles' line, which stays at the top when the rows scroll."""
CELL_LOOKS = (
    "board--union",
    "board--employer",
    "board--ta",
    "board--muted",
)
"""The component classes a cell's text may take (app.tcss gives them their colours)."""
NO_ARTICLES = "No articles yet. Press R to add them or import a list."
NO_MATCH = "No article matches the filter (Escape clears it)."


class ArticleBoard(ScrollView, can_focus=True):
    """A table of `BoardRow`s in the order given (the store sorts them naturally).

    Set `rows`, `campaign` and `now` with `show()`; `filter_text` narrows the rows shown
    (read by `models.filters.parse_board_filter`: status, holder, text). Enter (or a click on
    the row under the cursor) posts `ArticleChosen`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "scroll_right", "Scroll right", show=False),
        Binding("left", "scroll_left", "Scroll left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "first_row", "Top", show=False),
        Binding("ctrl+end", "last_row", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board--header",
        "board--cursor",
        "board--hover",
        *CELL_LOOKS,
    }

    @dataclass
    class ArticleChosen(Message):
        """The user asked for an article's history."""

        number: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[BoardRow] = []
        self._campaign: Campaign | None = None
        self._now: datetime | None = None
        self.filter_text = ""
        self._visible: list[BoardRow] = []
        self._lines: list[tuple[Cell, ...]] = []
        self._widths: tuple[int, ...] = ()
        self._fitted_width = -1
        """The width the columns were fitted to (-1: not yet, the width was not known)."""
        self._built: LRUCache[tuple[object, ...], tuple[Cell, ...]] = LRUCache(500)
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1000)
        self._cursor = 0
        self._hover: int | None = None
        self._frame: Frame | None = None

    # ------------------------------------------------------------------ state in

    def show(self, rows: Sequence[BoardRow], campaign: Campaign, now: datetime) -> None:
        """Show the board as it now stands, keeping the cursor on the same article."""
        self._rows = list(rows)
        self._campaign = campaign
        self._now = now
        self._fill()

    def tick(self, now: datetime) -> None:
        """Bring the "held" ages up to date (they change by the minute)."""
        if self._campaign is None:
            return
        self._now = now
        self._fill()  # only the lines whose age changed are drawn again

    def set_filter(self, text: str) -> None:
        """Show only the articles matching `text` (empty shows every article)."""
        self.filter_text = text.strip()
        self._fill()

    # ----------------------------------------------------------------- state out

    @property
    def row_count(self) -> int:
        """How many articles the board shows (those that pass the filter)."""
        return len(self._visible)

    @property
    def cursor_row(self) -> int:
        """The index of the row under the cursor, among the rows shown."""
        return self._cursor

    @property
    def column_titles(self) -> tuple[str, ...]:
        """The titles of the columns shown (narrow boards leave the last move out)."""
        return COLUMNS[: len(self._widths)]

    @property
    def column_widths(self) -> tuple[int, ...]:
        """Each column's width in cells, padding included (empty until the board has a
        width to fit)."""
        return self._widths

    @property
    def selected(self) -> BoardRow | None:
        """The article under the cursor, if any."""
        rows = self._visible
        return rows[self._cursor] if 0 <= self._cursor < len(rows) else None

    @property
    def all_rows(self) -> list[BoardRow]:
        """Every article on the board, filtered or not."""
        return list(self._rows)

    @property
    def board_query(self) -> BoardQuery:
        """The filter as `models.filters` reads it."""
        return parse_board_filter(self.filter_text, self._campaign)

    @property
    def filter_reads(self) -> str:
        """What the filter understood and how many articles pass it ("" with no filter):
        "in our court (REA) · 'class': 2 of 40"."""
        query = self.board_query
        if query.empty:
            return ""
        understood = describe_board_filter(query, self._campaign)
        return f"{understood}: {self.row_count} of {len(self._rows)}"

    def visible_rows(self) -> list[BoardRow]:
        """The rows that pass the filter, in board order."""
        query = self.board_query
        return self._rows if query.empty else filter_board(self._rows, query)

    def select_article(self, number: str) -> None:
        """Move the cursor to an article (when it is shown)."""
        for index, row in enumerate(self._visible):
            if row.number == number:
                self.move_cursor(row=index)
                return

    def move_cursor(self, *, row: int, scroll: bool = True) -> None:
        """Put the cursor on the row at `row` (kept within the rows shown)."""
        row = max(0, min(row, len(self._visible) - 1))
        if row != self._cursor:
            self.refresh_line(HEADER_HEIGHT + self._cursor)
            self._cursor = row
            self.refresh_line(HEADER_HEIGHT + row)
        if scroll:
            self.scroll_to_region(
                Region(round(self.scroll_x), HEADER_HEIGHT + row, self.size.width, 1),
                animate=False,
                spacing=Spacing(top=HEADER_HEIGHT),
                force=True,
            )

    # ------------------------------------------------------------------ filling

    def _fill(self) -> None:
        """Work out the rows shown and, once the width is known, their cells and columns."""
        keep = self.selected.number if self.selected else None
        self._visible = self.visible_rows()
        width = self.size.width
        if self._campaign is None or self._now is None or not width:
            # Not laid out yet: the first frame fits the columns (`render_lines`). The rows'
            # count is known already, so the first layout makes room for the scrollbar.
            self._fitted_width = -1
            self.virtual_size = Size(self.virtual_size.width, HEADER_HEIGHT + self.row_count)
            return
        self._fitted_width = width
        layout = board_layout.fit(self._visible, self._campaign, self._now, self._room(width))
        before, before_widths, before_cursor = self._lines, self._widths, self._cursor
        self._lines = [self._row_cells(row, layout) for row in self._visible]
        self._widths = board_layout.widths(self._lines, layout.columns)
        self._cursor = next(
            (index for index, row in enumerate(self._visible) if row.number == keep),
            max(0, min(self._cursor, self.row_count - 1)),
        )
        self.virtual_size = Size(sum(self._widths), HEADER_HEIGHT + self.row_count)
        if (
            self._widths == before_widths
            and len(before) == len(self._lines)
            and self._cursor == before_cursor
        ):
            # Same columns, rows and cursor: only the lines that changed are drawn again.
            for index, (old, new) in enumerate(zip(before, self._lines, strict=True)):
                if old != new:
                    self.refresh_line(HEADER_HEIGHT + index)
            return
        self.refresh()

    def _room(self, width: int) -> int:
        """The cells the columns may use: the width inside the board's padding and border,
        less one (`fit` leaves the scrollbar its room)."""
        return width - self.styles.gutter.width - 1

    def _row_cells(self, row: BoardRow, layout: Layout) -> tuple[Cell, ...]:
        """A row's cells, built again only when the row, the layout or its age changed (a
        pass changes one or two rows of sixty)."""
        assert self._campaign is not None and self._now is not None
        held = board_layout.held(row, self._now)
        size = (layout.columns, layout.number_max, layout.title_width, layout.last_max)
        key = (row, *size, id(layout.words), held)
        cached = self._built.get(key)
        if cached is None:
            cached = self._built[key] = board_layout.cells(row, layout, self._campaign, self._now)
        return cached

    # ------------------------------------------------------------------ drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.size.width != self._fitted_width:
            # The first frame, or a new width: fit the columns before drawing, so that no
            # frame shows an empty board or titles cut for another width.
            self._fill()
        self._frame = self._make_frame()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _make_frame(self) -> Frame:
        """What the lines of a frame drawn now share: the base style alone walks every
        ancestor's styles, so it is read once per frame, not once per line."""
        base = self.rich_style
        header = self.get_component_styles("board--header").rich_style
        looks = {name: self.get_component_rich_style(name, partial=True) for name in CELL_LOOKS}
        looks["bold"] = Style(bold=True)
        return Frame(
            base=base,
            header=header,
            widths=self._widths,
            width=self.size.width,
            cursor=self.get_component_rich_style("board--cursor"),
            hover=self.get_component_rich_style("board--hover"),
            looks=looks,
            key=(base, header, self._widths, self.size.width, self.app.theme, self.has_focus),
        )

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._make_frame()
        scroll_x, scroll_y = self.scroll_offset
        if y < HEADER_HEIGHT:
            return self._line(-1, scroll_x, frame)
        index = y - HEADER_HEIGHT + scroll_y
        if not self._lines and self._campaign is not None:
            return self._empty_line(index, frame)
        if not 0 <= index < len(self._lines):
            return Strip.blank(frame.width, frame.base)
        return self._line(index, scroll_x, frame)

    def _empty_line(self, index: int, frame: Frame) -> Strip:
        """Under the titles of an empty board, wrapped to its width: what to press, or that
        the filter hides every article."""
        text = NO_MATCH if self._rows else NO_ARTICLES
        lines = textwrap.wrap(text, max(frame.width - 2, 10))
        if not 0 <= index < len(lines):
            return Strip.blank(frame.width, frame.base)
        style = frame.base + frame.looks["board--muted"] + Style(italic=True)
        strip = Strip([Segment(f" {lines[index]}", style)])
        return strip.adjust_cell_length(frame.width, frame.base)

    def _line(self, index: int, scroll_x: int, frame: Frame) -> Strip:
        """The header's line (index -1) or a row's, scrolled `scroll_x` cells sideways."""
        cursor = index == self._cursor
        hover = index == self._hover
        cells = (
            tuple(Cell(title) for title in self.column_titles) if index < 0 else self._lines[index]
        )
        key = (index, cells, scroll_x, cursor, hover, frame.key)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = board_lines.draw(
                frame, index, cells, scroll_x, cursor, hover
            )
        return strip

    # ------------------------------------------------------------------ keys, mouse

    def action_select_cursor(self) -> None:
        self._set_hover(None)
        if self.selected is not None:
            self.post_message(self.ArticleChosen(self.selected.number))

    def action_cursor_up(self) -> None:
        self._set_hover(None)
        self.move_cursor(row=self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._set_hover(None)
        self.move_cursor(row=self._cursor + 1)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_HEIGHT)

    def action_page_down(self) -> None:
        self._set_hover(None)
        self.scroll_relative(y=self._page(), animate=False, force=True)
        self.move_cursor(row=self._cursor + self._page(), scroll=False)

    def action_page_up(self) -> None:
        self._set_hover(None)
        self.scroll_relative(y=-self._page(), animate=False, force=True)
        self.move_cursor(row=self._cursor - self._page(), scroll=False)

    def action_first_row(self) -> None:
        self._set_hover(None)
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self._set_hover(None)
        self.move_cursor(row=self.row_count - 1)

    def _set_hover(self, row: int | None) -> None:
        """Show the mouse's row (None: not over a row, or the keys took over)."""
        if row == self._hover:
            return
        for old_or_new in (self._hover, row):
            if old_or_new is not None:
                self.refresh_line(HEADER_HEIGHT + old_or_new)
        self._hover = row

    @staticmethod
    def _row_at(event: events.MouseEvent) -> int | None:
        row = event.style.meta.get("row")
        return row if isinstance(row, int) and row >= 0 else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(None)

    def on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is None or row >= self.row_count:
            return
        event.stop()
        self._set_hover(row)
        if row == self._cursor:
            self.post_message(self.ArticleChosen(self._visible[row].number))
        else:
            self.move_cursor(row=row)
