"""One row of the article board: a plain frozen dataclass, cheap to build for the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.vocabulary import ArticleStatus, Party


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
