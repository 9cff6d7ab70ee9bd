"""What the article board shows, worked out without drawing: which columns fit its width, and
the text of every cell (the widget in `article_board.py` draws them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size

from models.domain import ArticleStatus, BoardRow, Campaign, Party
from tui.format import age

STATUS_WORDS = {
    ArticleStatus.NOT_OPENED: "not opened",
    ArticleStatus.OPEN: "open",
    ArticleStatus.TA: "TA",
}
SHORT_STATUS_WORDS = {**STATUS_WORDS, ArticleStatus.NOT_OPENED: "–"}
"""On a narrow board "not opened" becomes a dash (the filter still knows the words:
`models.filters`)."""

COLUMNS = ("Article", "Title", "Status", "Holder", "Held", "Last move")
MIN_TITLE = 16
"""Titles keep at least this many cells; other columns give way first."""
CELL_PADDING = 1
"""Blank cells on each side of a column's text."""


class Cell(NamedTuple):
    """One cell's text, and the look it takes: "" (plain), "bold", or the name of one of the
    board's component classes (the theme decides its colours when it is drawn)."""

    text: str
    look: str = ""


class Layout(NamedTuple):
    """How the board fits its width: how many columns, which status words, how wide."""

    columns: int = len(COLUMNS)
    words: dict[ArticleStatus, str] = STATUS_WORDS  # never changed: shared as the default
    number_max: int = 24
    title_width: int = MIN_TITLE
    last_max: int = 40


def held(row: BoardRow, now: datetime) -> str:
    """How long the holder has held the article, as the board says it."""
    return age(now - row.holding_since) if row.holding_since else ""


def last(row: BoardRow) -> str:
    """The label of the last proposal touching the article."""
    return row.last_proposal


FITS = (
    # columns, status words, longest article number, longest last move
    (len(COLUMNS), STATUS_WORDS, 24, 40),
    (len(COLUMNS), STATUS_WORDS, 12, 40),
    (len(COLUMNS), SHORT_STATUS_WORDS, 10, 24),
    (len(COLUMNS), SHORT_STATUS_WORDS, 8, 20),
    (len(COLUMNS), SHORT_STATUS_WORDS, 8, 14),
    (len(COLUMNS) - 1, STATUS_WORDS, 12, 0),
    (len(COLUMNS) - 1, SHORT_STATUS_WORDS, 10, 0),
    (len(COLUMNS) - 1, SHORT_STATUS_WORDS, 8, 0),
)
"""The layouts tried, widest first: the status words, article numbers and the last move
itself shrink (an ellipsis marks a cut) before the last move goes (at 100 columns it stays,
"LRMC #1 (package)" included); on the narrowest board titles take what is left."""


def fit(rows: Sequence[BoardRow], campaign: Campaign, now: datetime, room: int) -> Layout:
    """Fit the board to `room` cells: the first of `FITS` that leaves titles MIN_TITLE
    cells."""
    pad = 2 * CELL_PADDING
    widest_held = max((len(held(row, now)) for row in rows), default=0)
    widest_last = max((cell_len(last(row)) for row in rows), default=0)
    widest_holder = max((len(campaign.short(p)) for p in Party), default=0)
    widest_number = max((cell_len(row.number) for row in rows), default=0)
    layout = Layout()
    for columns, words, number_max, last_max in FITS:
        widths = [
            min(widest_number, number_max),
            0,
            max(len(words[row.status]) for row in rows) if rows else 0,
            widest_holder,
            widest_held,
            min(widest_last, last_max),
        ]
        used = sum(
            max(width, len(title)) + pad
            for index, (title, width) in enumerate(zip(COLUMNS, widths, strict=True))
            if index != 1 and index < columns
        )
        layout = Layout(columns, words, number_max, max(room - used - pad, 6), last_max)
        if room - used - pad >= MIN_TITLE:
            break
    return layout


def _truncate(text: str, width: int) -> str:
    """`text` in at most `width` cells, an ellipsis marking a cut (as Rich's Text does)."""
    return set_cell_size(text, width - 1) + "…" if cell_len(text) > width else text


def cells(row: BoardRow, layout: Layout, campaign: Campaign, now: datetime) -> tuple[Cell, ...]:
    """A row's cells, as many as the layout has columns."""
    muted = "board--muted"
    status_look = {ArticleStatus.TA: "board--ta", ArticleStatus.NOT_OPENED: muted}.get(
        row.status, ""
    )
    holder = Cell("")
    if row.holder is not None:
        holder = Cell(
            campaign.short(row.holder),
            "board--union" if row.holder is Party.UNION else "board--employer",
        )
    return (
        Cell(_truncate(row.number, layout.number_max), "bold"),
        Cell(_truncate(row.title, layout.title_width)),
        Cell(layout.words[row.status], status_look),
        holder,
        Cell(held(row, now)),
        Cell(_truncate(last(row), max(layout.last_max, 4)), muted),
    )[: layout.columns]


def widths(lines: Sequence[Sequence[Cell]], columns: int) -> tuple[int, ...]:
    """Each column's width: its widest cell or its title, and the padding either side."""
    return tuple(
        max([cell_len(COLUMNS[index]), *(cell_len(line[index].text) for line in lines)])
        + 2 * CELL_PADDING
        for index in range(columns)
    )
