"""Conflicts settled by undoing the other side: after an undo (or a redo) changes the state,
every unsettled conflict is tried again, in the shared order; one the rules accept now joins
the state, at its own place (`late`: its line keeps `conflict: true`, so an import of the
journal refuses it at its place and takes it at the undo, as here). Part of the undo's
effect, so a replay of the journal does the same at the same point and every seat agrees."""

from __future__ import annotations

import json

from models.errors import DomainError
from models.store.connection import Connection, json_text
from models.store.context import Applying
from models.store.order import event_fields


def retry_conflicts(db: Connection) -> None:
    """Apply each unsettled conflict the state accepts now (inside the write under way)."""
    from models.events import parse_event
    from models.store.apply import HANDLERS

    rows = db.query(
        "SELECT seq, at, at_us, data FROM events c WHERE conflict IS NOT NULL AND late = 0"
        " AND NOT EXISTS"
        " (SELECT 1 FROM events u WHERE u.type = 'event.undone' AND u.subject = c.seq"
        " AND u.undone = 0) ORDER BY seq"
    )
    for seq, at, at_us, data in rows:
        stored = json.loads(data)
        line = event_fields(stored)
        payload = parse_event(line)
        context = Applying(seq=seq, at=at, at_us=at_us, stored=stored)
        db.conn.execute("SAVEPOINT retry")
        try:
            HANDLERS[payload.type](db, payload, context)
        except DomainError:
            db.conn.execute("ROLLBACK TO retry")
            db.conn.execute("RELEASE retry")
            continue
        stored["origin"] = stored.pop("origin")
        db.conn.execute(
            "UPDATE events SET late = 1, undone = 0, subject = ?, data = ? WHERE seq = ?",
            (context.subject, json_text(stored), seq),
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO event_refs (event, ref) VALUES (?, ?)",
            [(seq, ref) for ref in context.refs],
        )
        db.conn.execute("RELEASE retry")
