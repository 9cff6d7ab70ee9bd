"""Undo and redo: hide an event from every view, or bring it back.

Undo appends `event.undone` and nothing is deleted. Hiding an event is refused while an active
event depends on it; bringing one back (a redo) is a write like any other: its own handler runs
again, checks only, against the state as it is now, and the redo is refused with that reason.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from models.errors import DomainError
from models.store.connection import Connection
from models.store.context import Applying
from models.store.order import event_fields
from models.store.queries import side_name
from models.store.queries_sessions import sessions
from models.store.rules_corrections import REBUILD

if TYPE_CHECKING:
    from models import events as ev


def on_event_undone(db: Connection, p: ev.EventUndone, c: Applying) -> None:
    row = db.one("SELECT seq, type, undone, conflict, late FROM events WHERE id = ?", (p.event,))
    if row is None:
        raise DomainError(f"event {p.event!r} is not in the journal")
    target, kind, undone = int(row[0]), str(row[1]), bool(row[2])
    if row[3] is not None and not row[4]:  # a conflict, out of the state: undoing settles it
        if db.one(
            "SELECT 1 FROM events WHERE type = 'event.undone' AND subject = ? AND undone = 0",
            (target,),
        ):
            raise DomainError(f"the conflict {p.event!r} is already settled")
        c.subject = target
        c.refs.append(target)
        return
    if undone:
        raise DomainError(f"event {p.event!r} is already undone")
    if kind == "campaign.created":
        raise DomainError("the campaign itself cannot be undone")
    c.subject = target
    c.refs.append(target)
    if c.check_only:
        return
    db.forget("campaign")
    set_active(db, target, kind, active=False)
    if db.one("SELECT 1 FROM events WHERE conflict IS NOT NULL AND late = 0 LIMIT 1"):
        from models.store.conflicts import retry_conflicts

        retry_conflicts(db)  # undoing one side of a conflict may settle it


def set_active(db: Connection, seq: int, kind: str, *, active: bool) -> None:
    """Hide or bring back one event, checking that nothing active depends on it, and that
    the state would accept it now (a redo is a write like any other)."""
    if active and kind != "event.undone":  # an undo's target is what it hides
        missing = db.one(
            "SELECT e.id, e.type FROM event_refs r JOIN events e ON e.seq = r.ref"
            " WHERE r.event = ? AND e.undone = 1",
            (seq,),
        )
        if missing:
            raise DomainError(
                f"cannot bring this back: it depends on {missing[1]} {missing[0]}, "
                "which is undone; redo that first"
            )
    if active and db.one(
        "SELECT 1 FROM events WHERE seq = ? AND conflict IS NOT NULL AND late = 0", (seq,)
    ):
        raise DomainError(
            "cannot bring this back: the rules refused it as a conflict; record it again instead"
        )
    if active:
        _recheck(db, seq, kind)
    else:
        dependent = db.one(
            "SELECT e.id, e.type FROM event_refs r JOIN events e ON e.seq = r.event"
            " WHERE r.ref = ? AND e.undone = 0 AND e.type != 'event.undone'",
            (seq,),
        )
        if dependent:
            raise DomainError(
                f"cannot undo it: {dependent[1]} {dependent[0]} depends on it; undo that first"
            )
    flag = 0 if active else 1
    db.conn.execute("UPDATE events SET undone = ? WHERE seq = ?", (flag, seq))
    table = FACT_TABLES.get(kind)
    if table:
        try:
            db.conn.execute(f"UPDATE {table} SET undone = ? WHERE seq = ?", (flag, seq))
        except sqlite3.IntegrityError:
            raise DomainError(
                "cannot bring this back: another entry now uses the same number or label"
            ) from None
    if kind in REBUILD:  # a correction kept in its record's row: rebuild the row
        subject = db.one("SELECT subject FROM events WHERE seq = ?", (seq,))
        assert subject is not None
        REBUILD[kind](db, int(subject[0]))
    if kind == "event.undone":
        target = db.one(
            "SELECT e.seq, e.type FROM events u JOIN events e ON e.seq = u.subject WHERE u.seq = ?",
            (seq,),
        )
        assert target is not None
        set_active(db, int(target[0]), str(target[1]), active=not active)
    _check_after_toggle(db, seq, kind)


def _recheck(db: Connection, seq: int, kind: str) -> None:
    """Run an event's own handler again, checks only, against the state as it is now with
    the event still hidden; refuse to bring it back with the handler's reason."""
    from models.events import parse_event

    row = db.one("SELECT id, at, at_us, subject, data FROM events WHERE seq = ?", (seq,))
    assert row is not None
    event_id, at, at_us, subject, data = row
    stored = json.loads(data)
    context = Applying(seq=seq, at=at, at_us=at_us, stored=stored)
    context.check_only, context.redo_subject = True, subject
    from models.store.apply import HANDLERS  # the table names this module's handler

    handler = HANDLERS[kind]
    try:
        handler(db, parse_event(event_fields(stored)), context)
        if context.subject != subject:
            raise DomainError("it would now apply to another entry than the one it named")
    except DomainError as error:
        raise DomainError(f"cannot bring back {kind} {event_id}: {error}") from None


def _check_after_toggle(db: Connection, seq: int, kind: str) -> None:
    """Invariants an undo or redo could break: one open caucus a side, one running session."""
    if kind.startswith("caucus."):
        for session, side, count in db.query(
            "SELECT c.session, c.side, count(*) FROM caucuses c WHERE c.undone = 0"
            " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'caucus.ended'"
            " AND e.subject = c.seq AND e.undone = 0) GROUP BY c.session, c.side"
            " HAVING count(*) > 1"
        ):
            raise DomainError(
                f"that would leave {side_name(side)} in {count} caucuses at once "
                f"in session {session}"
            )
    if kind.startswith("session."):
        running = [s.number for s in sessions(db) if s.running]
        if len(running) > 1:
            raise DomainError(
                f"that would leave sessions {running[0]} and {running[1]} both running"
            )


FACT_TABLES = {
    "article.added": "articles",
    "session.scheduled": "sessions",
    "agenda.item_added": "agenda_items",
    "proposal.passed": "proposals",
    "ta.signed": "tas",
    "caucus.started": "caucuses",
    "note.added": "notes",
    "info_request.made": "info_requests",
}
