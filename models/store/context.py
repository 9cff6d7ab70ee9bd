"""What a handler is given besides the database and the payload: the event being applied."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from models.store.connection import kept
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
        self,
        db: Connection,
        table: str,
        payload: object,
        listed: Sequence[str] = (),
        /,
        **columns: object,
    ) -> None:
        """Write the event's row of fact table `table`: its `seq` and time, the `columns`
        given, and every other column from the payload's field of that name (as `kept`); for
        a table of `ARTICLE_LISTS`, the articles `listed` too, in order. Nothing while a redo
        only checks."""
        if self.check_only:
            return
        given = {"seq": self.seq, "at": self.at, "at_us": self.at_us, **columns}
        db.insert(
            table,
            **{
                name: given[name] if name in given else kept(getattr(payload, name))
                for name in db.columns_to_fill(table)
            },
        )
        if table in ARTICLE_LISTS:
            articles, key = ARTICLE_LISTS[table]
            db.conn.executemany(
                f"INSERT INTO {articles} ({key}, number, position) VALUES (?, ?, ?)",
                [(self.seq, number, index) for index, number in enumerate(listed)],
            )
