"""The article board as CSV and JSON: pure functions of the board rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from models.board import BoardRow

BOARD_COLUMNS = ("article", "title", "status", "holder", "holding_since", "last_proposal")


def board_records(rows: Sequence[BoardRow]) -> list[dict[str, str]]:
    """One flat record per article, with the CSV's columns and values."""
    return [
        {
            "article": row.number,
            "title": row.title,
            "status": row.status.value,
            "holder": row.holder.value if row.holder else "",
            "holding_since": row.holding_since.isoformat() if row.holding_since else "",
            "last_proposal": row.last_proposal,
        }
        for row in rows
    ]


def board_csv(rows: Sequence[BoardRow]) -> str:
    """The board as CSV: the columns of BOARD_COLUMNS, LF line endings."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=BOARD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(board_records(rows))
    return buffer.getvalue()


def board_json(rows: Sequence[BoardRow]) -> str:
    """The board as a JSON array of the same records as the CSV."""
    return json.dumps(board_records(rows), ensure_ascii=False, indent=2) + "\n"
