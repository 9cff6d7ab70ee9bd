"""One row of the article board: a plain frozen dataclass, cheap to build for the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from models.vocabulary import ArticleStatus, Party

if TYPE_CHECKING:
    from models.rules import Standing


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One article on the board: its status and whose court the ball is in."""

    number: str
    title: str
    status: ArticleStatus
    holder: Party | None = None
    holding_since: datetime | None = None
    last_proposal: str = ""
    last_move: str = ""


def board_rows(titles: Mapping[str, str], standings: Mapping[str, Standing]) -> list[BoardRow]:
    """Every article in the order of `titles`, with its standing (none: not opened)."""
    rows = []
    for number, title in titles.items():
        standing = standings.get(number)
        if standing is None:
            rows.append(BoardRow(number, title, ArticleStatus.NOT_OPENED))
        else:
            rows.append(BoardRow(number, title, *standing))
    return rows
