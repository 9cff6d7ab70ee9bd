"""What the store keeps for seats on other computers: conflicts, this seat's own events as
they go out, events taken in from other seats, and what it knows of the shared folder (the
files it wrote, the files it took in, the seats it met): `Store.seat_records`, a part of the
store like its queries; `models.seats` is its one user, and holds no SQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from models.errors import DomainError
from models.store.order import is_database_id

if TYPE_CHECKING:
    from models.domain import Conflict, SeatSeen
    from models.store.connection import Connection


class SeatFile(NamedTuple):
    """A file this seat wrote (or began to write) into its own folder."""

    name: str
    first_n: int
    last_n: int
    state: str
    """`writing` (recorded before the file is made), `written`, or `abandoned`."""


class TakenIn(NamedTuple):
    """What taking in other seats' lines did."""

    received: int
    held: frozenset[str]
    """Ids of lines kept back: they name an event not yet here, or cannot be read."""
    problems: tuple[str, ...]


class SeatRecords:
    """The seats' part of `Store`: every method holds the store's lock."""

    def __init__(self, db: Connection, clock: Callable[[], datetime]) -> None:
        self.db = db
        self.clock = clock

    # ------------------------------------------------------------- conflicts

    def conflicts(self) -> list[Conflict]:
        """Events refused at their place in the shared order and not yet settled (an undo of
        the conflict itself settles it), in that order."""
        from models.describe import describe_event
        from models.domain import Conflict
        from models.store.queries import journal_event

        rows = self.db.query(
            "SELECT seq, id, type, at, seat, data, undone, origin_db, conflict FROM events c"
            " WHERE conflict IS NOT NULL AND late = 0 AND NOT EXISTS (SELECT 1 FROM events u WHERE"
            " u.type = 'event.undone' AND u.subject = c.seq AND u.undone = 0) ORDER BY seq"
        )
        found = []
        for row in rows:
            event = journal_event(row[:7])
            found.append(
                Conflict(
                    seq=event.seq,
                    event_id=event.id,
                    type=event.type,
                    at=event.at,
                    origin_db=str(row[7]),
                    reason=str(row[8]),
                    description=describe_event(event),
                )
            )
        return found

    # ---------------------------------------------------------- going out

    def own_lines_after(self, n: int) -> list[tuple[int, str]]:
        """This database's own events numbered after `n`, as (n, journal line), by n."""
        own = self._own_id()
        rows = self.db.query(
            "SELECT origin_n, data, conflict FROM events WHERE origin_db = ? AND origin_n > ?"
            " ORDER BY origin_n",
            (own, n),
        )
        return [
            (int(k), data if conflict is None else data[:-1] + ',"conflict":true}')
            for k, data, conflict in rows
        ]

    def own_count_after(self, n: int) -> int:
        """How many of this database's own events are numbered after `n` (not yet out)."""
        row = self.db.one(
            "SELECT count(*) FROM events WHERE origin_db = ? AND origin_n > ?",
            (self._own_id(), n),
        )
        return int(row[0]) if row else 0

    def seat_files(self) -> list[SeatFile]:
        """The files this seat wrote or began to write into its own folder, by name."""
        rows = self.db.query("SELECT name, first_n, last_n, state FROM seat_files ORDER BY name")
        return [SeatFile(str(a), int(b), int(c), str(d)) for a, b, c, d in rows]

    def note_seat_file(self, name: str, first_n: int, last_n: int, state: str) -> None:
        """Record (before writing it, and again once written) a file of this seat's folder."""
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO seat_files (name, first_n, last_n, state, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET state = excluded.state, at = excluded.at",
                (name, first_n, last_n, state, datetime.now().astimezone().isoformat()),
            )

    # ------------------------------------------------------------ coming in

    def taken_files(self, db_id: str) -> set[str]:
        """The names of another seat's files whose every line is in this journal."""
        rows = self.db.query("SELECT name FROM seat_taken WHERE db_id = ?", (db_id,))
        return {str(r[0]) for r in rows}

    def take_in(
        self,
        lines: Iterable[dict[str, Any]],
        files: Iterable[tuple[str, str, frozenset[str]]] = (),
    ) -> TakenIn:
        """Take other seats' events into the journal at their place in the shared order, in
        one transaction; an event the rules refuse there is kept as a conflict. Lines already
        here are skipped; a line that names an event not yet here is held back for later.
        `files` are (db id, name, ids of its lines): each whose lines are all in is marked
        taken, so it is not read again."""
        from models.store.apply import prepare_line
        from models.store.merge import take_in

        problems: list[str] = []
        held: set[str] = set()
        with self.db.write():
            known = self._known_ids()
            pending = {}
            for line in lines:
                ident = line.get("id")
                if not isinstance(ident, str) or ident in known or ident in pending:
                    continue
                pending[ident] = line
            batch: dict[str, str] = {}
            prepared = []
            progress = True
            while pending and progress:  # references first: take what names what is here
                progress = False
                for ident, line in list(pending.items()):
                    if _unknown_refs(line, known, batch):
                        continue
                    del pending[ident]
                    progress = True
                    try:
                        prepared.append(
                            prepare_line(self.db, line, clock=self.clock, seat="", batch=batch)
                        )
                    except DomainError as error:
                        held.add(ident)
                        problems.append(f"event {ident} cannot be read here: {error}")
            held |= set(pending)
            take_in(self.db, prepared, strict=False)
            self._note_labels(prepared)
            done = [
                (db_id, name)
                for db_id, name, idents in files
                if not idents & held and all(i in known or i in batch for i in idents)
            ]
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO seat_taken (db_id, name) VALUES (?, ?)", done
            )
        return TakenIn(len(prepared), frozenset(held), tuple(problems))

    def _known_ids(self) -> set[str]:
        return {str(r[0]) for r in self.db.query("SELECT id FROM events")}

    def _note_labels(self, prepared: list[Any]) -> None:
        labels: dict[str, set[str]] = {}
        for line in prepared:
            db_id = line.origin[0]
            labels.setdefault(db_id, set())
            if line.payload.seat:
                labels[db_id].add(line.payload.seat)
        for db_id, found in labels.items():
            row = self.db.one("SELECT labels FROM seats_seen WHERE db_id = ?", (db_id,))
            before = set(json.loads(row[0])) if row else set()
            self.db.conn.execute(
                "INSERT INTO seats_seen (db_id, labels) VALUES (?, ?) ON CONFLICT(db_id)"
                " DO UPDATE SET labels = excluded.labels",
                (db_id, json.dumps(sorted(before | found))),
            )

    def note_seat_seen(self, db_id: str, last_seen: datetime) -> None:
        """Remember when another seat's latest file was written."""
        if not is_database_id(db_id):
            return
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO seats_seen (db_id, labels, last_seen) VALUES (?, '[]', ?)"
                " ON CONFLICT(db_id) DO UPDATE SET last_seen = max(coalesce(last_seen, ''),"
                " excluded.last_seen)",
                (db_id, last_seen.isoformat()),
            )

    def seats_seen(self) -> list[SeatSeen]:
        """The other seats met in the shared folder, by database id."""
        from models.domain import SeatSeen

        rows = self.db.query(
            "SELECT db_id, labels, last_seen FROM seats_seen WHERE db_id != ? ORDER BY db_id",
            (self._own_id(),),
        )
        return [
            SeatSeen(
                str(db_id),
                tuple(json.loads(labels)),
                datetime.fromisoformat(last) if last else None,
            )
            for db_id, labels, last in rows
        ]

    # ------------------------------------------------------------------ meta

    def meta_value(self, key: str) -> str | None:
        """A value this database keeps about itself (not a journal event)."""
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Keep (or with None, drop) a value this database keeps about itself."""
        with self.db.write() as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def _own_id(self) -> str:
        row = self.db.one("SELECT value FROM meta WHERE key = 'database_id'")
        assert row is not None, "every open file is migrated"
        return str(row[0])


def _unknown_refs(line: dict[str, Any], known: set[str], batch: dict[str, str]) -> list[str]:
    from models.store.order import references

    return [ref for ref in references(line) if ref not in known and ref not in batch]
