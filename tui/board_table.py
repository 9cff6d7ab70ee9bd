"""The article board as a Rich table for the terminal (no Textual)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table

from models.domain import ArticleStatus, BoardRow, Campaign

STATUS_WORDS = {
    ArticleStatus.NOT_OPENED: "not opened",
    ArticleStatus.OPEN: "open",
    ArticleStatus.TA: "TA",
}


def board_table(
    rows: Sequence[BoardRow],
    campaign: Campaign,
    console: Console | None = None,
    *,
    team: bool = False,
) -> None:
    """Print the board with the parties' short names (`team`: the team's own board, titled so)."""
    tz = ZoneInfo(campaign.timezone)
    title = f"{campaign.union.short} ⇄ {campaign.employer.short}: article board"
    table = Table(title=title + (" (team only)" if team else ""))
    for column in ("Article", "Title", "Status", "Holder", "Since", "Last proposal"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.number,
            row.title,
            STATUS_WORDS[row.status],
            campaign.short(row.holder) if row.holder else "",
            _when(row.holding_since, tz),
            row.last_proposal,
        )
    (console or Console()).print(table)


def _when(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment else ""
