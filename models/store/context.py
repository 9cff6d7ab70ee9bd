"""What a handler is given besides the database and the payload: the event being applied."""

from __future__ import annotations

from typing import Any


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
