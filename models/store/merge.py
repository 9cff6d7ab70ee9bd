"""Taking events into the journal at their place in the shared order.

Events that sort after everything the journal holds are applied at its end, one by one,
like any write. Events that sort before some of it are placed where they belong: the fact
tables are emptied and the whole journal is replayed in the shared order through the same
handlers (`apply.write_prepared`), so the state is always the journal replayed in that order.

`strict` (a seat's own writes, a journal import) refuses the whole write when a line, or an
event already held, would be refused at its place; otherwise (what another seat recorded) a
refused event is kept as a conflict: in the journal, out of the state.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.store.apply import Prepared, latest_key, write_conflict, write_prepared
from models.store.order import checked_origin, event_fields

if TYPE_CHECKING:
    from models.domain import JournalEvent
    from models.store.connection import Connection

LOCAL_TABLES = frozenset(
    {"meta", "drafts", "_sqlite_migrations", "seat_files", "seat_taken", "seats_seen"}
)
"""Tables that belong to this database, not to the journal: a replay leaves them alone.
Every other table holds facts derived from the journal and is rebuilt by a replay."""


def take_in(db: Connection, lines: list[Prepared], *, strict: bool) -> list[JournalEvent]:
    """Apply prepared lines at their place in the shared order (inside the write under way);
    return the events applied, in that order (conflicts left out)."""
    lines = sorted(lines, key=lambda line: line.key)
    if not lines:
        return []
    if lines[0].key > latest_key(db):
        applied = []
        seq = _next_seq(db)
        for line in lines:
            event = _apply_or_keep(db, line, seq, strict=strict)
            if event is not None:
                applied.append(event)
            seq += 1
        return applied
    return replay(db, lines, strict=strict)


def replay(db: Connection, new: list[Prepared], *, strict: bool) -> list[JournalEvent]:
    """Empty the fact tables and apply the journal and `new` again in the shared order."""
    held = [
        (key, _reprepared(data, key, recorded_at), conflict)
        for key, data, recorded_at, conflict in db.query(
            "SELECT sort_key, data, recorded_at, conflict FROM events ORDER BY sort_key"
        )
    ]
    merged: list[tuple[str, Prepared, str | None, bool]] = [
        (key, line, conflict, False) for key, line, conflict in held
    ]
    merged += [(line.key, line, None, True) for line in new]
    merged.sort(key=lambda item: item[0])
    clear_facts(db)
    applied = []
    for seq, (_key, line, conflict, is_new) in enumerate(merged, start=1):
        if is_new:
            event = _apply_or_keep(db, line, seq, strict=strict)
            if event is not None:
                applied.append(event)
            continue
        try:
            write_prepared(db, line, seq)
        except DomainError as error:
            if strict and conflict is None:
                raise DomainError(
                    f"it would leave {line.payload.type} {line.event_id}, already in the "
                    f"journal, refused: {error}"
                ) from None
            write_conflict(db, line, seq, str(error))
    return applied


def clear_facts(db: Connection) -> None:
    """Remove every row derived from the journal, and what the write under way cached."""
    for table in db.tables():
        if table not in LOCAL_TABLES and not table.startswith("sqlite_"):
            db.conn.execute(f'DELETE FROM "{table}"')
    db.campaign_seen = False
    db.cache_position = -1
    if db.in_write is not None:
        kept = {k: v for k, v in db.in_write.items() if k in ("database_id", "next_n")}
        db.in_write.clear()
        db.in_write.update(kept)


def rebuild(db: Connection) -> None:
    """Replay the whole journal in the shared order (after a migration found it out of
    order); conflicts found are kept as conflicts."""
    replay(db, [], strict=False)
    db.conn.execute("DELETE FROM meta WHERE key = 'needs_rebuild'")


def _apply_or_keep(
    db: Connection, line: Prepared, seq: int, *, strict: bool
) -> JournalEvent | None:
    try:
        return write_prepared(db, line, seq)
    except DomainError as error:
        if strict and not line.marked_conflict:
            if line.number and not str(error).startswith("line "):
                raise DomainError(f"line {line.number}: {error}") from None
            raise
        write_conflict(db, line, seq, str(error))
        return None


def _next_seq(db: Connection) -> int:
    row = db.one("SELECT coalesce(max(seq), 0) + 1 FROM events")
    assert row is not None
    return int(row[0])


def _reprepared(data: str, key: str, recorded_at: str) -> Prepared:
    """An event already held, ready to be applied again as it was recorded."""
    from models.events import parse_event

    stored: dict[str, Any] = json.loads(data)
    line = event_fields(stored)
    origin = checked_origin(stored["origin"])
    prepared = Prepared(parse_event(line), stored, str(stored["at"]), origin, key)
    prepared.recorded_at = recorded_at
    return prepared
