"""The article board as CSV and JSON: pure functions of the board rows (`models.board.BoardRow`,
the store's board and a recap snapshot's alike)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.board import BoardRow

BOARD_COLUMNS = ("article", "title", "status", "holder", "holding_since", "last_proposal")


def board_records(rows: Iterable[BoardRow], timezone: str | None = None) -> list[dict[str, str]]:
    """One flat record per article, with the CSV's columns and values.

    `holding_since` is ISO 8601 with its offset: in `timezone` when given (an IANA name),
    otherwise as recorded.
    """
    zone = None
    if timezone:
        from models.timeutil import zone as find_zone

        zone = find_zone(timezone)
    records = []
    for row in rows:
        since = row.holding_since
        if since is not None and zone is not None:
            since = since.astimezone(zone)
        records.append(
            {
                "article": row.number,
                "title": row.title,
                "status": _value(row.status),
                "holder": _value(row.holder),
                "holding_since": since.isoformat() if since else "",
                "last_proposal": row.last_proposal,
            }
        )
    return records


def board_csv(rows: Iterable[BoardRow], timezone: str | None = None) -> str:
    """The board as CSV: the columns of BOARD_COLUMNS, LF line endings."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=BOARD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(board_records(rows, timezone))
    return buffer.getvalue()


def board_json(rows: Iterable[BoardRow], timezone: str | None = None) -> str:
    """The board as a JSON array of the same records as the CSV."""
    return json.dumps(board_records(rows, timezone), ensure_ascii=False, indent=2) + "\n"


def _value(value: object) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))
