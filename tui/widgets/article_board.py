"""The article board: every article, whose court the ball is in, and for how long."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, NamedTuple, Self

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual._segment_tools import line_crop
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from models.domain import ArticleStatus, BoardRow, Campaign, Party
from tui.format import age

STATUS_WORDS = {
    ArticleStatus.NOT_OPENED: "not opened",
    ArticleStatus.OPEN: "open",
    ArticleStatus.TA: "TA",
}
SHORT_STATUS_WORDS = {**STATUS_WORDS, ArticleStatus.NOT_OPENED: "–"}
"""On a narrow board "not opened" becomes a dash (the filter still knows the words)."""
SegmentLines = list[list[Segment]]

COLUMNS = (
    ("Article", "number"),
    ("Title", "title"),
    ("Status", "status"),
    ("Holder", "holder"),
    ("Held", "held"),
    ("Last move", "last"),
)
COLUMN_INDEX = {key: index for index, (_title, key) in enumerate(COLUMNS)}
MIN_TITLE = 16
"""Titles keep at least this many cells; other columns give way first."""


class _Layout(NamedTuple):
    """How the board fits its width: how many columns, which status words, how wide."""

    columns: int = len(COLUMNS)
    words: dict[ArticleStatus, str] = STATUS_WORDS  # never changed: shared as the default
    number_max: int = 24
    title_width: int = MIN_TITLE


class _Frame(NamedTuple):
    """What every line of one frame shares, read once per frame: each reactive read and
    column width costs a call, and a frame of 44 rows made over 2,000 of them."""

    base_style: Style
    widths: tuple[int, ...]
    cursor: Coordinate
    hover: Coordinate
    look: tuple[object, ...]
    """Everything else a drawn line depends on: base style, widths, cursor kind and flags."""
    own_rows: bool
    """The board draws its rows itself: none of what only DataTable's row assembly does
    (fixed rows or columns, zebra stripes, row labels, a cursor other than the row's)."""
    cell_padding: int
    cell_styles: dict[tuple[bool, bool, bool], tuple[Style, Style]]
    """`_cell_styles` by (cursor on the row, mouse on the row, for the cells or for the space
    right of the last column), filled as the rows are drawn."""


def _widths(lines: Iterable[list[str]]) -> list[int]:
    """The widest cell of each column."""
    widths: list[int] = []
    for line in lines:
        for index, text in enumerate(line):
            if index == len(widths):
                widths.append(0)
            widths[index] = max(widths[index], cell_len(text))
    return widths


class ArticleBoard(DataTable[Text]):
    """A table of `BoardRow`s in the order given (the store sorts them naturally).

    Set `rows`, `campaign` and `now` with `show()`; `filter_text` narrows the rows shown to those
    whose number, title, status or holder contains it. Enter posts `ArticleChosen`.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board--union",
        "board--employer",
        "board--ta",
        "board--muted",
    }

    @dataclass
    class ArticleChosen(Message):
        """The user asked for an article's history."""

        number: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._rows: list[BoardRow] = []
        self._campaign: Campaign | None = None
        self._now: datetime | None = None
        self.filter_text = ""
        self._filled_width = -1
        self._shown: dict[str, list[str]] = {}
        self._rendered_cells: LRUCache[tuple[object, ...], SegmentLines] = LRUCache(4000)
        self._built_cells: LRUCache[tuple[object, ...], tuple[str, list[Text]]] = LRUCache(500)
        self._rendered_lines: LRUCache[tuple[object, ...], Strip] = LRUCache(1000)
        self._shown_layout: _Layout | None = None
        self._row_versions: dict[RowKey, int] = {}
        self._frame: _Frame | None = None

    def on_mount(self) -> None:
        # Component styles follow the theme once its CSS is applied: redraw after that.
        self.app.theme_changed_signal.subscribe(
            self, lambda _theme: self.call_after_refresh(self._fill, rebuild=True)
        )

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
        self._fill()  # only the ages that changed are drawn again

    def set_filter(self, text: str) -> None:
        """Show only the articles matching `text` (empty shows every article)."""
        self.filter_text = text.strip()
        self._fill()

    # ----------------------------------------------------------------- state out

    @property
    def selected(self) -> BoardRow | None:
        """The article under the cursor, if any."""
        rows = self.visible_rows()
        if not rows or not 0 <= self.cursor_row < len(rows):
            return None
        return rows[self.cursor_row]

    @property
    def all_rows(self) -> list[BoardRow]:
        """Every article on the board, filtered or not."""
        return list(self._rows)

    def visible_rows(self) -> list[BoardRow]:
        """The rows that pass the filter, in board order."""
        needle = self.filter_text.casefold()
        if not needle:
            return self._rows
        return [row for row in self._rows if needle in self._haystack(row)]

    def select_article(self, number: str) -> None:
        """Move the cursor to an article (when it is shown)."""
        for index, row in enumerate(self.visible_rows()):
            if row.number == number:
                self.move_cursor(row=index)
                return

    # ------------------------------------------------------------------ drawing

    def _haystack(self, row: BoardRow) -> str:
        holder = self._campaign.short(row.holder) if self._campaign and row.holder else ""
        words = [
            row.number,
            row.title,
            STATUS_WORDS[row.status],
            row.status.value,
            holder,
            row.last_proposal,
        ]
        return " ".join(words).casefold()

    def _fill(self, *, rebuild: bool = False) -> None:
        if self._campaign is None or self._now is None or not self.size.width:
            return  # not laid out yet: `_size_updated` fills it, once its width is known
        self._filled_width = self.size.width
        if rebuild:
            self._built_cells.clear()  # the theme's styles are baked into the cells
        rows = self.visible_rows()
        layout = self._layout(rows)
        cells = {row.number: self._row_cells(row, layout) for row in rows}
        plain = {number: [cell.plain for cell in line] for number, line in cells.items()}
        if not rebuild and layout == self._shown_layout and list(plain) == list(self._shown):
            # Same articles, same columns: only the cells that changed are redrawn, and the
            # rows the table has already rendered keep their cache.
            resized = _widths(plain.values()) != _widths(self._shown.values())
            for number, line in plain.items():
                before = self._shown[number]
                for (_title, key), new, old in zip(COLUMNS, line, before, strict=False):
                    if new != old:
                        self.update_cell(
                            number, key, cells[number][COLUMN_INDEX[key]], update_width=resized
                        )
            self._shown = plain
            return
        keep = self.selected.number if self.selected else None
        scroll_y = self.scroll_y
        # Columns are rebuilt too: a cleared DataTable keeps its widest cells' widths.
        self.clear(columns=True)
        for title, key in COLUMNS[: layout.columns]:
            # A `Text` label: DataTable reads a `str` label as Rich markup, which loads Rich's
            # table of emoji codes (about 10 ms of start-up) for labels that have none.
            self.add_column(Text(title), key=key)
        for row in rows:
            self.add_row(*cells[row.number], key=row.number)
        self._shown = plain
        self._shown_layout = layout
        if keep is not None:
            self.select_article(keep)
        self.scroll_y = min(scroll_y, self.max_scroll_y)

    def _layout(self, rows: Sequence[BoardRow]) -> _Layout:
        """Fit the board to its width: the last move goes first (the history has it), then long
        status words and long article numbers, so that titles keep MIN_TITLE cells; on the
        narrowest board titles take what is left."""
        room = self._room()
        pad = 2 * self.cell_padding
        widest_held = max((len(self._held(row)) for row in rows), default=0)
        widest_last = max((len(self._last(row)) for row in rows), default=0)
        holders = [self._campaign.short(p) for p in Party] if self._campaign else []
        widest_holder = max((len(h) for h in holders), default=0)
        layout = _Layout()
        for columns, words, number_max in (
            (len(COLUMNS), STATUS_WORDS, 24),
            (len(COLUMNS), STATUS_WORDS, 12),
            (len(COLUMNS) - 1, STATUS_WORDS, 12),
            (len(COLUMNS) - 1, SHORT_STATUS_WORDS, 10),
        ):
            widths = [
                min(max((len(row.number) for row in rows), default=0), number_max),
                0,
                max(len(words[row.status]) for row in rows) if rows else 0,
                widest_holder,
                widest_held,
                widest_last,
            ]
            used = sum(
                max(width, len(title)) + pad
                for index, ((title, _key), width) in enumerate(zip(COLUMNS, widths, strict=True))
                if index != 1 and index < columns
            )
            layout = _Layout(columns, words, number_max, max(room - used - pad, 6))
            if room - used - pad >= MIN_TITLE:
                break
        return layout

    def _room(self) -> int:
        """The cells the columns may use: the width inside the board's padding and border,
        less one (`_layout` leaves the scrollbar its room). Worked out from the size alone,
        so that the board can be filled while the screen is first laid out, before its
        region is known."""
        size = self.size
        if not size.width:
            return 79
        return size.width - self.styles.gutter.width - 1

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Filled as soon as its size is known, while the screen is laid out: a Resize
        # handler would run after the first frame, which would then show an empty board.
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if size.width and size.width != self._filled_width:
            self._fill()
            if self._require_update_dimensions:
                # What DataTable does when idle (after the first frame): the columns take
                # their widths from the rows now, or that frame cuts every title short.
                self._require_update_dimensions = False
                new_rows = self._new_rows.copy()
                self._new_rows.clear()
                self._update_dimensions(new_rows)
        return resized

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """DataTable measures every new cell through Rich; a one-line `Text` cell measures
        its cell length, so the columns take their widths from that, and DataTable works out
        the rest (tests/tui/test_first_frame.py compares the widths with its measuring)."""
        rows = [key for key in new_rows if key in self._row_locations]
        columns = self.ordered_columns
        widths = [column.content_width for column in columns]
        for row_key in rows:
            row, cells = self.rows[row_key], self._data[row_key]
            if row.label is not None or row.auto_height:
                super()._update_dimensions(rows)
                return
            for index, column in enumerate(columns):
                cell = cells.get(column.key)
                if not isinstance(cell, Text) or "\n" in cell.plain:
                    super()._update_dimensions(rows)
                    return
                widths[index] = max(widths[index], cell.cell_len)
        for column, width in zip(columns, widths, strict=True):
            column.content_width = width
        super()._update_dimensions(())  # the virtual size

    def _held(self, row: BoardRow) -> str:
        assert self._now is not None
        return age(self._now - row.holding_since) if row.holding_since else ""

    @staticmethod
    def _last(row: BoardRow) -> str:
        return row.last_move or row.last_proposal

    def _row_cells(self, row: BoardRow, layout: _Layout) -> list[Text]:
        """A row's cells, built again only when the row, the layout or its age changed (a
        pass changes one or two rows of sixty)."""
        key = (row, layout.columns, layout.number_max, layout.title_width, id(layout.words))
        held = self._held(row)
        cached = self._built_cells.get(key)
        if cached is not None and cached[0] == held:
            return cached[1]
        cells = self._cells(row, layout)
        self._built_cells[key] = (held, cells)
        return cells

    def _cells(self, row: BoardRow, layout: _Layout) -> list[Text]:
        assert self._campaign is not None
        muted = self.get_component_rich_style("board--muted", partial=True)
        status_style = {
            ArticleStatus.TA: self.get_component_rich_style("board--ta", partial=True),
            ArticleStatus.NOT_OPENED: muted,
        }.get(row.status, "")
        holder = Text(end="")
        if row.holder is not None:
            holder = Text(
                self._campaign.short(row.holder),
                end="",
                style=self.get_component_rich_style(
                    "board--union" if row.holder is Party.UNION else "board--employer",
                    partial=True,
                ),
            )
        number = Text(row.number, style="bold", end="")
        number.truncate(layout.number_max, overflow="ellipsis")
        title = Text(row.title, no_wrap=True, end="")
        title.truncate(layout.title_width, overflow="ellipsis")
        return [
            number,
            title,
            Text(layout.words[row.status], style=status_style, end=""),
            holder,
            Text(self._held(row), end=""),
            Text(self._last(row), style=muted, end=""),
        ][: layout.columns]

    # ------------------------------------------------------------ rendering cost

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """A cell's lines, cached per row version.

        DataTable keys its cell cache on a table-wide update count, so changing one cell (a
        pass moves one holder) re-renders every visible cell; here a cell is rendered again
        only when its row, its width or its look changed. (Private API of Textual 8,
        which the project pins.)
        """
        if row_index < 0 or column_index < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        lines = self._plain_cell(row_index, column_index, base_style, width, cursor, hover)
        if lines is None:  # a cell the board cannot draw itself (DataTable caches its own)
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        return lines

    def _cell_styles(
        self, fixed: bool, cursor: bool, hover: bool, *, css_priority: bool = True
    ) -> tuple[Style, Style]:
        """The cursor and hover styles laid over a cell, and over its text (DataTable's; the
        space right of the last column takes no CSS priority)."""
        return self._get_styles_to_render_cell(
            False,
            False,
            fixed,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            css_priority and self.cursor_foreground_priority == "css",
            css_priority and self.cursor_background_priority == "css",
        )

    def _plain_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
        styles: tuple[Style, Style] | None = None,
    ) -> SegmentLines | None:
        """A one-line `Text` cell of one style (no spans) that fits its column, drawn without
        Rich's general rendering (padding, wrapping, cropping) and cached per row version;
        None for any other cell, which DataTable draws. The lines are the same segments
        DataTable would draw (tests/tui/test_board_cells.py compares every cell of the demo
        board both ways)."""
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return None
        key = (
            row_key,
            column_key,
            self._row_versions.get(row_key, 0),  # a changed cell redraws its row's cells
            base_style,
            width,
            cursor,
            hover,
            self._show_hover_cursor,
            self._pseudo_class_state,
        )
        cached = self._rendered_cells.get(key)
        if cached is not None:
            return cached
        if self.rows[row_key].height != 1:
            return None
        cell = self.get_cell(row_key, column_key)
        if not isinstance(cell, Text) or cell.spans or "\n" in cell.plain:
            return None
        pad = self.cell_padding if self._frame is None else self._frame.cell_padding
        inner = width - 2 * pad
        length = cell.cell_len
        if not 0 <= length <= inner:
            return None
        component_style, post_style = styles or self._cell_styles(
            row_index < self.fixed_rows or column_index < self.fixed_columns, cursor, hover
        )
        pre_style = (
            base_style + Style.from_meta({"row": row_index, "column": column_index})
        ) + component_style
        blank = pre_style + post_style if post_style else pre_style
        segments = [Segment(" " * pad, blank)] if pad else []
        if cell.plain:
            text_style = (
                pre_style + self.app.console.get_style(cell.style, default=Style())
                if cell.style
                else pre_style
            )
            segments.append(
                Segment(cell.plain, text_style + post_style if post_style else text_style)
            )
        if length < inner:
            segments.append(Segment(" " * (inner - length), blank))
        if pad:
            segments.append(Segment(" " * pad, blank))
        lines = self._rendered_cells[key] = [segments]
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line shares is read once here: the base style alone walks every
        # ancestor's styles, and DataTable asks for it once per line.
        self._pseudo_class_state = self.get_pseudo_class_state()
        self._frame = self._make_frame()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _make_frame(self) -> _Frame:
        """What the lines of a frame drawn now share."""
        base_style = self.rich_style
        widths = tuple(column.get_render_width(self) for column in self.ordered_columns)
        return _Frame(
            base_style=base_style,
            widths=widths,
            cursor=self.cursor_coordinate,
            hover=self.hover_coordinate,
            look=(
                base_style,
                widths,
                self.cursor_type,
                self.show_cursor,
                self._show_hover_cursor,
                self._pseudo_class_state,
            ),
            own_rows=(
                self.cursor_type == "row"
                and not self.fixed_columns
                and not self.fixed_rows
                and not self.zebra_stripes
                and not (self._labelled_row_exists and self.show_row_labels)
            ),
            cell_padding=self.cell_padding,
            cell_styles={},
        )

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        if frame is None or self.fixed_rows:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset
        if y >= (self.header_height if self.show_header else 0):
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, frame.base_style)

    def _frame_styles(
        self, frame: _Frame, cursor: bool, hover: bool, text: bool
    ) -> tuple[Style, Style]:
        """`_cell_styles` for a kind of row, once per frame."""
        key = (cursor, hover, text)
        styles = frame.cell_styles.get(key)
        if styles is None:
            styles = frame.cell_styles[key] = self._cell_styles(
                False, cursor, hover, css_priority=text
            )
        return styles

    def _draw_row(
        self, row_key: RowKey, row_index: int, x1: int, x2: int, frame: _Frame
    ) -> Strip | None:
        """A board row's line, drawn from its cached cells without DataTable's general row
        assembly (fixed columns, row labels, zebra stripes, cell cursors: the board has none),
        which looks up the same styles again for every row; None for a table that has them.
        The strip is the one DataTable draws (tests/tui/test_board_cells.py compares them)."""
        if not frame.own_rows or self.rows[row_key].height != 1:
            return None
        cursor = row_index == frame.cursor.row
        hover = row_index == frame.hover.row
        styles = self._frame_styles(frame, cursor, hover, True)
        base_style = frame.base_style
        segments: list[Segment] = []
        for column_index, width in enumerate(frame.widths):
            lines = self._plain_cell(
                row_index, column_index, base_style, width, cursor, hover, styles
            )
            if lines is None:
                return None
            segments += lines[0]
        extend_style, _ = self._frame_styles(frame, cursor, hover, False)
        extend_style = (base_style + extend_style) + Style.from_meta(
            {"row": row_index, "column": 0, "out_of_bounds": True}
        )
        width = self.size.width
        segments.append(Segment(" " * max(0, width - sum(frame.widths)), extend_style))
        line = line_crop(segments, x1, x2, width)
        if x1 == 0 and x2 == width:
            # Not scrolled: the line is `width` cells long (its last segment extends it), so
            # this is the strip the general steps below make, without their two copies.
            return Strip(Segment.simplify(line), width)
        return Strip(line).adjust_cell_length(width, base_style).simplify()

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A line of the table, cached per row version.

        DataTable keys its line cache on the table-wide update count too, so a pass that moves
        one holder re-renders every line on screen (and closing a dialog repaints them all);
        here a line is rendered again only when one of its cells, the column widths, the
        cursor or hover on that row, or the look changed. (Private API of Textual 8, which the
        project pins; the board's tests compare what is drawn after every kind of change.)
        """
        frame = self._frame
        if frame is None or frame.base_style != base_style:
            return super()._render_line(y, x1, x2, base_style)
        try:
            row_key, line_no = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        found = self._row_locations.get(row_key)
        row_index = -1 if found is None else found  # the header's line has no row
        cursor, hover = frame.cursor, frame.hover
        key = (
            row_key,
            row_index,
            line_no,
            x1,
            x2,
            self.size.width,
            cursor if cursor.row == row_index else None,
            hover if hover.row == row_index else None,
            frame.look,
            self._row_versions.get(row_key, 0),
        )
        strip = self._rendered_lines.get(key)
        if strip is None:
            strip = (
                self._draw_row(row_key, row_index, x1, x2, frame)
                if row_index >= 0 and line_no == 0
                else None
            ) or super()._render_line(y, x1, x2, base_style)
            self._rendered_lines[key] = strip
        return strip

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Text,
        *,
        update_width: bool = False,
    ) -> None:
        cell = (
            RowKey(row_key) if isinstance(row_key, str) else row_key,
            ColumnKey(column_key) if isinstance(column_key, str) else column_key,
        )
        self._row_versions[cell[0]] = self._row_versions.get(cell[0], 0) + 1
        if update_width or cell[0] not in self._row_locations or cell[1] not in self.columns:
            super().update_cell(row_key, column_key, value, update_width=update_width)
            return
        # The columns keep their widths: only this row is drawn again (DataTable would
        # repaint the whole table).
        self._data[cell[0]][cell[1]] = value
        self._update_count += 1
        index = self._row_locations.get(cell[0])
        if index is not None:
            self.refresh_row(index)

    def clear(self, columns: bool = False) -> Self:
        self._rendered_cells.clear()
        self._row_versions.clear()
        self._rendered_lines.clear()
        return super().clear(columns)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.ArticleChosen(str(event.row_key.value)))
