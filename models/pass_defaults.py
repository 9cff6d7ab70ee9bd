"""What the pass dialog offers before anyone picks: the side and kind that fit the articles typed.

The side is whoever holds the articles (the side that must answer is usually the one passing),
the kind `counter` once an article is in play and `initial` while none of them has been opened.
Plain functions on the board's rows (no store, no screen), so the rule is tested on its own and
the dialog only calls it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from models.board import BoardRow
from models.vocabulary import ArticleStatus, Party, ProposalKind


class PassDefaults(NamedTuple):
    """The side and kind the pass dialog shows until one is picked by hand."""

    side: Party
    kind: ProposalKind


def _rows_of(board: Iterable[BoardRow], numbers: Sequence[str]) -> list[BoardRow]:
    """The board's rows of `numbers`, in the order typed (unknown numbers left out)."""
    by_number = {row.number: row for row in board}
    return [by_number[number] for number in numbers if number in by_number]


def pass_defaults(
    board: Iterable[BoardRow], numbers: Sequence[str], our_side: Party
) -> PassDefaults:
    """The side and kind for a proposal on `numbers` (articles as typed, in that order).

    Side: the holder of the first typed article that has one, else `our_side`. Kind: `initial`
    when every typed article is still not opened, `counter` when any is in play (or none is
    typed yet: most passes at the table answer something).
    """
    rows = _rows_of(board, numbers)
    side = next((row.holder for row in rows if row.holder is not None), our_side)
    if rows and all(row.status is ArticleStatus.NOT_OPENED for row in rows):
        return PassDefaults(side, ProposalKind.INITIAL)
    return PassDefaults(side, ProposalKind.COUNTER)


def in_play(board: Iterable[BoardRow], numbers: Sequence[str]) -> list[str]:
    """The typed articles that have already been opened (open or TA'd), in the order typed."""
    return [
        row.number for row in _rows_of(board, numbers) if row.status is not ArticleStatus.NOT_OPENED
    ]


def initial_warning(board: Iterable[BoardRow], numbers: Sequence[str], kind: object) -> str:
    """A warning when `initial` is picked for articles already in play; "" otherwise."""
    if kind is not ProposalKind.INITIAL:
        return ""
    opened = in_play(board, numbers)
    if not opened:
        return ""
    which = ", ".join(opened)
    verb = "is" if len(opened) == 1 else "are"
    return (
        f"{which} {verb} already in play: an initial proposal opens an article; a counter answers"
    )
