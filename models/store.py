"""The SQLite store: one file, one campaign, every change a journal event.

Every change goes through `Store.record()`: the line is checked for its shape, then against the
state, and the fact rows and the journal event are written in one `BEGIN IMMEDIATE` transaction
that is committed durably before the call returns. Undo appends `event.undone`; nothing is ever
deleted. The store is the only module with SQL in it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from models.dbfile import _translated, check_file
from models.errors import DomainError
from models.normal import instant_text, normal
from models.schema_version import APP_ID, SCHEMA_VERSION
from models.timeutil import to_micros, utc_now

if TYPE_CHECKING:
    from models.domain import (
        Draft,
        JournalEvent,
    )
from models.store_core import _json
from models.store_reads import _journal_event
from models.store_rules import StoreRules, _Applying


class Store(StoreRules):
    """One bargaining database file, opened for reading and writing.

    Safe to share between threads: every use of the connection holds one lock.
    """

    # ----------------------------------------------------------------- changes

    def record(self, line: dict[str, Any]) -> JournalEvent:
        """Validate one change, write it with its journal event, commit, and return it.

        A line without `at` is stamped with the store's clock, and without `seat` with the
        store's seat. Refusals raise DomainError and leave the database as it was.
        """
        with self._write():
            return self._apply(line)

    def check(self, line: dict[str, Any]) -> None:
        """Validate a change exactly as record() would, then roll it back: nothing is written.

        Lets a dialog show the store's own refusal while the user is still typing.
        """
        with self._lock, _translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            self._in_write = {}
            try:
                self._apply(line)
            finally:
                self._conn.rollback()
                self._in_write = None
                self._campaign_seen = False

    def record_many(self, lines: Iterable[dict[str, Any]]) -> list[JournalEvent]:
        """Several changes in one transaction: all of them, or none."""
        with self._write():
            return [self._apply(line) for line in lines]

    def _apply(self, line: dict[str, Any]) -> JournalEvent:
        from models.domain import JournalEvent
        from models.events import parse_event

        line = dict(line)
        if "at" not in line:
            line["at"] = self.clock().isoformat()
        if "seat" not in line and self.seat:
            line["seat"] = self.seat
        payload = parse_event(line)
        if payload.type != "campaign.created" and not self._has_campaign():
            raise DomainError(
                "there is no campaign yet; run `bargain init` (or start the journal "
                "with campaign.created)"
            )
        event_id = payload.id or self._new_id()
        handler = getattr(self, "_on_" + payload.type.replace(".", "_"))
        conn = self._conn
        at_us = to_micros(payload.at)
        at = instant_text(line["at"], payload.at)
        stored: dict[str, Any] = {"type": payload.type, "id": event_id, "at": at}
        if payload.seat:
            stored["seat"] = payload.seat
        checked = normal(line, payload)
        stored.update((k, v) for k, v in checked.items() if k not in ("type", "id", "at", "seat"))
        seq = self._next_seq()
        context = _Applying(seq=seq, at=at, at_us=at_us, stored=stored)
        handler(payload, context)
        try:
            conn.execute(
                "INSERT INTO events (seq, id, type, at, at_us, seat, session, subject, data,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    seq,
                    event_id,
                    payload.type,
                    at,
                    at_us,
                    payload.seat,
                    getattr(payload, "session", None),
                    context.subject,
                    _json(stored),
                    utc_now().isoformat(),
                ),
            )
        except sqlite3.IntegrityError:
            raise DomainError(f"event id {event_id!r} is already in the journal") from None
        if context.refs:
            conn.executemany(
                "INSERT OR IGNORE INTO event_refs (event, ref) VALUES (?, ?)",
                [(seq, ref) for ref in context.refs],
            )
        return JournalEvent(
            seq=seq,
            id=event_id,
            type=payload.type,
            at=payload.at,
            seat=payload.seat,
            data=stored,
        )

    def _next_seq(self) -> int:
        """The journal position the event being applied will take (within the write lock)."""
        cache = self._in_write
        assert cache is not None, "events are applied inside a write transaction"
        if "next_seq" not in cache:
            row = self._one("SELECT coalesce(max(seq), 0) + 1 FROM events")
            assert row is not None
            cache["next_seq"] = int(row[0])
        seq = int(cache["next_seq"])
        cache["next_seq"] = seq + 1
        return seq

    def _new_id(self) -> str:
        # What `secrets.token_hex` does, without loading `secrets` (and OpenSSL) at start-up.
        return "ev-" + os.urandom(6).hex()

    def undo(self, event_id: str, *, seat: str | None = None) -> JournalEvent:
        """Undo one event (or redo, when the event is itself an undo)."""
        line: dict[str, Any] = {"type": "event.undone", "event": event_id}
        if seat is not None:
            line["seat"] = seat
        return self.record(line)

    def last_undoable(self, seat: str | None = None) -> JournalEvent | None:
        """This seat's latest event that is not an undo and not yet undone."""
        row = self._one(
            "SELECT seq, id, type, at, seat, data, undone FROM events WHERE seat = ?"
            " AND type NOT IN ('event.undone', 'campaign.created') AND undone = 0"
            " ORDER BY seq DESC LIMIT 1",
            (self.seat if seat is None else seat,),
        )
        return _journal_event(row) if row else None

    def last_redoable(self, seat: str | None = None) -> JournalEvent | None:
        """This seat's latest undo that still stands: undoing it redoes what it undid."""
        row = self._one(
            "SELECT seq, id, type, at, seat, data, undone FROM events WHERE seat = ?"
            " AND type = 'event.undone' AND undone = 0 AND (SELECT t.type FROM events t"
            " WHERE t.seq = events.subject) != 'event.undone' ORDER BY seq DESC LIMIT 1",
            (self.seat if seat is None else seat,),
        )
        return _journal_event(row) if row else None

    def event(self, event_id: str) -> JournalEvent | None:
        """One journal event by id, undone or not."""
        row = self._one(
            "SELECT seq, id, type, at, seat, data, undone FROM events WHERE id = ?", (event_id,)
        )
        return _journal_event(row) if row else None

    # ---------------------------------------------------------------- journal

    def journal(self) -> Iterator[str]:
        """Every event as one JSON line, in journal order, as recorded."""
        with self._reading() as conn:
            rows = conn.execute("SELECT data FROM events ORDER BY seq").fetchall()
        for (data,) in rows:
            yield data

    def export_journal(self, out: IO[str]) -> int:
        """Write the journal as JSON Lines; return how many events were written."""
        count = 0
        for line in self.journal():
            out.write(line + "\n")
            count += 1
        return count

    def import_journal(self, lines: Iterable[str]) -> int:
        """Replay JSON Lines, all or nothing; the first bad line refuses the whole file.

        Raises DomainError("line N: ...") where N counts every physical line; blank lines are
        skipped.
        """

        def parsed() -> Iterator[tuple[int, dict[str, Any]]]:
            for number, text in enumerate(lines, start=1):
                if not text.strip():
                    continue
                try:
                    line = json.loads(text)
                except json.JSONDecodeError as error:
                    raise DomainError(f"line {number}: not JSON ({error.msg})") from None
                except RecursionError:
                    raise DomainError(
                        f"line {number}: is nested too deeply; no field holds that"
                    ) from None
                except ValueError:  # an integer past Python's digit limit
                    raise DomainError(
                        f"line {number}: has a number too large to keep; use a smaller one"
                    ) from None
                if not isinstance(line, dict):
                    raise DomainError(f"line {number}: each line must be a JSON object")
                if "at" not in line:
                    raise DomainError(f"line {number}: at is missing")
                yield number, line

        return self.record_numbered(parsed())

    def record_numbered(self, lines: Iterable[tuple[int, dict[str, Any]]]) -> int:
        """Record numbered lines in one transaction; a refusal names its line and undoes all."""
        count = 0
        with self._write():
            for number, line in lines:
                try:
                    self._apply(line)
                except DomainError as error:
                    message = str(error)
                    if not message.startswith("line "):
                        message = f"line {number}: {message}"
                    raise DomainError(message) from None
                count += 1
        return count

    # ----------------------------------------------------------------- drafts

    def draft(self, seat: str | None = None) -> Draft:
        """The half-typed note of a seat (empty when none)."""
        from models.domain import Draft

        row = self._one(
            "SELECT text, team_only FROM drafts WHERE seat = ?",
            (self.seat if seat is None else seat,),
        )
        if row is None:
            return Draft()
        return Draft(text=row[0], team_only=bool(row[1]))

    def save_draft(self, draft: Draft, seat: str | None = None) -> None:
        """Keep a seat's half-typed note (not a journal event: nothing happened yet)."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO drafts (seat, text, team_only, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(seat) DO UPDATE SET text = excluded.text,"
                " team_only = excluded.team_only, updated_at = excluded.updated_at",
                (
                    self.seat if seat is None else seat,
                    draft.text,
                    int(draft.team_only),
                    utc_now().isoformat(),
                ),
            )


def open_store(
    path: Path, *, create: bool = False, seat: str = "", clock: Callable[[], datetime] = utc_now
) -> Store:
    """Open (or with create=True, create) a bargaining database."""
    return Store(path, create=create, seat=seat, clock=clock)


__all__ = ["APP_ID", "SCHEMA_VERSION", "Store", "check_file", "open_store"]
