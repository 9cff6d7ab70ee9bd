"""What a handler is given besides the database and the payload: the event being applied."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from models.store.schema import ARTICLE_LISTS

if TYPE_CHECKING:
    from models.store.connection import Connection


class Applying:
    """What a handler learns while applying one event."""

    __slots__ = ("at", "at_us", "check_only", "redo_subject", "refs", "seq", "stored", "subject")

    def __init__(self, *, seq: int, at: str, at_us: int, stored: dict[str, Any]) -> None:
        self.seq = seq
        self.at = at
        self.at_us = at_us
        self.stored = stored
        self.subject: int | None = None
        self.refs: list[int] = []
        # A redo runs the handler again with check_only: it checks and writes nothing, and
        # reads an agenda item by the one the event was written for (redo_subject).
        self.check_only = False
        self.redo_subject: int | None = None

    def write_fact(
        self, db: Connection, table: str, listed: Sequence[str] = (), /, **columns: object
    ) -> None:
        """Write the event's row of fact table `table` (its `seq`, then `columns`) and, for a
        table of `ARTICLE_LISTS`, the articles `listed`, in order; nothing while a redo only
        checks."""
        if self.check_only:
            return
        db.insert(table, seq=self.seq, **columns)
        if table in ARTICLE_LISTS:
            articles, key = ARTICLE_LISTS[table]
            db.conn.executemany(
                f"INSERT INTO {articles} ({key}, number, position) VALUES (?, ?, ?)",
                [(self.seq, number, index) for index, number in enumerate(listed)],
            )

    @property
    def when(self) -> dict[str, object]:
        """The event's time, as the timed fact tables keep it (`at`, `at_us`)."""
        return {"at": self.at, "at_us": self.at_us}
