"""Undo and redo: hide an event from every view, or bring it back.

Undo appends `event.undone` and nothing is deleted. Hiding an event is refused while an active
event depends on it; bringing one back (a redo) is a write like any other: its own handler runs
again, checks only, against the state as it is now, and the redo is refused with that reason.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from models.errors import DomainError

if TYPE_CHECKING:
    from models import events as ev
from models.store_core import _side_name
from models.store_reads import StoreReads


class StoreUndo(StoreReads):
    """The undo half of the write rules; StoreRules adds one handler per other event type."""

    def _on_event_undone(self, p: ev.EventUndone, c: _Applying) -> None:
        row = self._one("SELECT seq, type, undone FROM events WHERE id = ?", (p.event,))
        if row is None:
            raise DomainError(f"event {p.event!r} is not in the journal")
        target, kind, undone = int(row[0]), str(row[1]), bool(row[2])
        if undone:
            raise DomainError(f"event {p.event!r} is already undone")
        if kind == "campaign.created":
            raise DomainError("the campaign itself cannot be undone")
        c.subject = target
        c.refs.append(target)
        if c.check_only:
            return
        self._forget("our_side")
        self._set_active(target, kind, active=False)

    # ------------------------------------------------------------------- undo

    def _set_active(self, seq: int, kind: str, *, active: bool) -> None:
        """Hide or bring back one event, checking that nothing active depends on it, and that
        the state would accept it now (a redo is a write like any other)."""
        if active and kind != "event.undone":  # an undo's target is what it hides
            missing = self._one(
                "SELECT e.id, e.type FROM event_refs r JOIN events e ON e.seq = r.ref"
                " WHERE r.event = ? AND e.undone = 1",
                (seq,),
            )
            if missing:
                raise DomainError(
                    f"cannot bring this back: it depends on {missing[1]} {missing[0]}, "
                    "which is undone; redo that first"
                )
        if active:
            self._recheck(seq, kind)
        else:
            dependent = self._one(
                "SELECT e.id, e.type FROM event_refs r JOIN events e ON e.seq = r.event"
                " WHERE r.ref = ? AND e.undone = 0 AND e.type != 'event.undone'",
                (seq,),
            )
            if dependent:
                raise DomainError(
                    f"cannot undo it: {dependent[1]} {dependent[0]} depends on it; undo that first"
                )
        flag = 0 if active else 1
        self._conn.execute("UPDATE events SET undone = ? WHERE seq = ?", (flag, seq))
        table = _FACT_TABLES.get(kind)
        if table:
            try:
                self._conn.execute(f"UPDATE {table} SET undone = ? WHERE seq = ?", (flag, seq))
            except sqlite3.IntegrityError:
                raise DomainError(
                    "cannot bring this back: another entry now uses the same number or label"
                ) from None
        if kind == "event.undone":
            target = self._one(
                "SELECT e.seq, e.type FROM events u JOIN events e ON e.seq = u.subject"
                " WHERE u.seq = ?",
                (seq,),
            )
            assert target is not None
            self._set_active(int(target[0]), str(target[1]), active=not active)
        self._check_after_toggle(seq, kind)

    def _recheck(self, seq: int, kind: str) -> None:
        """Run an event's own handler again, checks only, against the state as it is now with
        the event still hidden; refuse to bring it back with the handler's reason."""
        from models.events import parse_event

        row = self._one("SELECT id, at, at_us, subject, data FROM events WHERE seq = ?", (seq,))
        assert row is not None
        event_id, at, at_us, subject, data = row
        stored = json.loads(data)
        context = _Applying(seq=seq, at=at, at_us=at_us, stored=stored)
        context.check_only, context.redo_subject = True, subject
        handler = getattr(self, "_on_" + kind.replace(".", "_"))
        try:
            handler(parse_event(stored), context)
            if context.subject != subject:
                raise DomainError("it would now apply to another entry than the one it named")
        except DomainError as error:
            raise DomainError(f"cannot bring back {kind} {event_id}: {error}") from None

    def _check_after_toggle(self, seq: int, kind: str) -> None:
        """Invariants an undo or redo could break: one open caucus a side, one running session."""
        if kind.startswith("caucus."):
            for session, side, count in self._query(
                "SELECT c.session, c.side, count(*) FROM caucuses c WHERE c.undone = 0"
                " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'caucus.ended'"
                " AND e.subject = c.seq AND e.undone = 0) GROUP BY c.session, c.side"
                " HAVING count(*) > 1"
            ):
                raise DomainError(
                    f"that would leave {_side_name(side)} in {count} caucuses at once "
                    f"in session {session}"
                )
        if kind.startswith("session."):
            running = [s.number for s in self.sessions() if s.running]
            if len(running) > 1:
                raise DomainError(
                    f"that would leave sessions {running[0]} and {running[1]} both running"
                )


class _Applying:
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


_FACT_TABLES = {
    "article.added": "articles",
    "session.scheduled": "sessions",
    "agenda.item_added": "agenda_items",
    "proposal.passed": "proposals",
    "ta.signed": "tas",
    "caucus.started": "caucuses",
    "note.added": "notes",
    "info_request.made": "info_requests",
}
