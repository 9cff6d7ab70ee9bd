"""Applying events: a journal line checked for its shape, then by its handler against the
state, then written with its fact rows and its journal event (inside the caller's write).

`HANDLERS` maps every event type to its handler, a function of (database, payload, context)
that refuses with DomainError or writes the fact rows; a redo reruns the same handler with
`check_only` (see `models.store.undo`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.normal import instant_text, normal
from models.store import rules_corrections as corrections
from models.store import rules_recap as recap
from models.store import rules_sessions as sessions
from models.store import rules_table as table
from models.store import undo
from models.store.connection import Connection, json_text
from models.store.context import Applying
from models.store.order import (
    AT_OFFSET,
    checked_origin,
    event_fields,
    own_key,
    references,
    sort_key,
)
from models.timeutil import from_micros, to_micros, utc_now

if TYPE_CHECKING:
    from models.domain import JournalEvent
    from models.event_base import Event

Handler = Callable[[Connection, Any, Applying], None]

HANDLERS: dict[str, Handler] = {
    "campaign.created": sessions.on_campaign_created,
    "campaign.updated": sessions.on_campaign_updated,
    "article.added": table.on_article_added,
    "article.renamed": table.on_article_renamed,
    "member.added": sessions.on_member_added,
    "session.scheduled": sessions.on_session_scheduled,
    "session.started": sessions.on_session_started,
    "session.ended": sessions.on_session_ended,
    "attendance.recorded": sessions.on_attendance_recorded,
    "agenda.item_added": sessions.on_agenda_item_added,
    "agenda.item_started": sessions.on_agenda_item_started,
    "agenda.item_done": sessions.on_agenda_item_done,
    "agenda.item_skipped": sessions.on_agenda_item_skipped,
    "proposal.passed": table.on_proposal_passed,
    "proposal.withdrawn": table.on_proposal_withdrawn,
    "ta.signed": table.on_ta_signed,
    "caucus.started": sessions.on_caucus_started,
    "caucus.extended": sessions.on_caucus_extended,
    "caucus.ended": sessions.on_caucus_ended,
    "note.added": sessions.on_note_added,
    "info_request.made": sessions.on_info_request_made,
    "info_request.answered": sessions.on_info_request_answered,
    "event.undone": undo.on_event_undone,
    "note.edited": corrections.on_note_edited,
    "proposal.amended": corrections.on_proposal_amended,
    "session.rescheduled": corrections.on_session_rescheduled,
    "session.cancelled": corrections.on_session_cancelled,
    "agenda.item_removed": corrections.on_agenda_item_removed,
    "agenda.item_moved": corrections.on_agenda_item_moved,
    "recap.written": recap.on_recap_written,
    "text.translated": recap.on_text_translated,
}
"""Every event type the journal knows, and the handler that applies it."""


class Prepared:
    """One journal line checked for its shape and placed in the shared order, not yet
    applied: what `write_prepared` (or `write_conflict`) needs to apply it at a position."""

    __slots__ = (
        "at",
        "at_us",
        "event_id",
        "key",
        "marked_conflict",
        "number",
        "origin",
        "payload",
        "recorded_at",
        "stored",
    )

    def __init__(
        self, payload: Event, stored: dict[str, Any], at: str, origin: tuple[str, int], key: str
    ) -> None:
        self.payload = payload
        self.stored = stored
        self.event_id = str(stored["id"])
        self.at = at
        self.at_us = to_micros(payload.at)
        self.origin = origin
        self.key = key
        self.marked_conflict = False
        """The line came with `conflict: true`: a refusal keeps it as a conflict."""
        self.number = 0
        """Its physical line number in an imported file (0 otherwise)."""
        self.recorded_at: str | None = None


def prepare_line(
    db: Connection,
    line: dict[str, Any],
    *,
    clock: Callable[[], datetime],
    seat: str,
    batch: dict[str, str] | None = None,
) -> Prepared:
    """Check a line's shape and give it its origin and its place in the shared order.

    A line without `at` is stamped with `clock` (or just after the latest event, when this
    seat's clock is behind an event it already holds, so what it records follows what it has
    seen), and without `seat` with `seat`; one without `origin` is this database's next.
    `batch` maps the ids of lines prepared before it in the same write to their keys.
    """
    from models.events import parse_event

    line = dict(line)
    raw_origin = line.pop("origin", None)
    marked = line.pop("conflict", False)
    if not isinstance(marked, bool):
        raise DomainError("conflict must be true or false")
    stamped = "at" not in line
    if stamped:
        line["at"] = clock().isoformat()
    if "seat" not in line and seat:
        line["seat"] = seat
    payload = parse_event(line)
    own = own_database_id(db)
    if raw_origin is None:
        origin = (own, _next_n(db, own))
    else:
        origin = checked_origin(raw_origin)
        _check_origin_free(db, origin, batch)
    event_id = payload.id or _new_id()
    if (batch is not None and event_id in batch) or db.one(
        "SELECT 1 FROM events WHERE id = ?", (event_id,)
    ):
        raise DomainError(f"event id {event_id!r} is already in the journal")
    at = instant_text(line["at"], payload.at)
    at_us = to_micros(payload.at)
    named = _named_keys(db, line, batch)
    key = sort_key(own_key(payload.type, at_us, *origin), named)
    if stamped and raw_origin is None:
        latest = max([latest_key(db), *(batch or {}).values()])
        if key < latest:  # this seat's clock is behind an event it holds: follow that event
            at_us = int(latest[1:20]) - AT_OFFSET + 1
            line["at"] = at = from_micros(at_us).isoformat()
            payload = parse_event(line)
            key = sort_key(own_key(payload.type, at_us, *origin), named)
    stored: dict[str, Any] = {"type": payload.type, "id": event_id, "at": at}
    if payload.seat:
        stored["seat"] = payload.seat
    checked = normal(line, payload)
    stored.update((k, v) for k, v in checked.items() if k not in ("type", "id", "at", "seat"))
    stored["origin"] = {"db": origin[0], "n": origin[1]}
    prepared = Prepared(payload, stored, at, origin, key)
    prepared.marked_conflict = marked
    if batch is not None:
        batch[event_id] = key
    return prepared


def write_prepared(db: Connection, prepared: Prepared, seq: int) -> JournalEvent:
    """Apply a prepared line at journal position `seq`: its handler checks it against the
    state and writes the fact rows, then its event row and references are written."""
    from models.domain import JournalEvent

    payload = prepared.payload
    if payload.type != "campaign.created" and not db.has_campaign():
        raise DomainError(
            "there is no campaign yet; run `bargain init` (or start the journal "
            "with campaign.created)"
        )
    handler = HANDLERS[payload.type]
    stored = prepared.stored
    context = Applying(seq=seq, at=prepared.at, at_us=prepared.at_us, stored=stored)
    handler(db, payload, context)
    stored["origin"] = stored.pop("origin")  # last, after what the handler decided
    _insert_event(db, prepared, seq, subject=context.subject, undone=0, conflict=None)
    if context.refs:
        db.conn.executemany(
            "INSERT OR IGNORE INTO event_refs (event, ref) VALUES (?, ?)",
            [(seq, ref) for ref in context.refs],
        )
    if payload.type == "campaign.created":
        db.campaign_seen = True
    return JournalEvent(
        seq=seq,
        id=prepared.event_id,
        type=payload.type,
        at=payload.at,
        seat=payload.seat,
        data=event_fields(stored),
    )


def write_conflict(db: Connection, prepared: Prepared, seq: int, reason: str) -> None:
    """Keep a line the rules refused in the shared order: in the journal, out of the state
    (hidden like an undone event), with the reason, until the team settles it."""
    _insert_event(db, prepared, seq, subject=None, undone=1, conflict=reason)


def _insert_event(
    db: Connection,
    prepared: Prepared,
    seq: int,
    *,
    subject: int | None,
    undone: int,
    conflict: str | None,
) -> None:
    payload = prepared.payload
    try:
        db.conn.execute(
            "INSERT INTO events (seq, id, type, at, at_us, seat, session, subject, data,"
            " undone, recorded_at, origin_db, origin_n, sort_key, conflict)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                prepared.event_id,
                payload.type,
                prepared.at,
                prepared.at_us,
                payload.seat,
                getattr(payload, "session", None),
                subject,
                json_text(prepared.stored),
                undone,
                prepared.recorded_at or utc_now().isoformat(),
                prepared.origin[0],
                prepared.origin[1],
                prepared.key,
                conflict,
            ),
        )
    except sqlite3.IntegrityError:
        if db.one("SELECT 1 FROM events WHERE id = ?", (prepared.event_id,)):
            raise DomainError(f"event id {prepared.event_id!r} is already in the journal") from None
        db_id, n = prepared.origin
        raise DomainError(f"origin {db_id} n {n} is already used by another event") from None


def apply_line(
    db: Connection, line: dict[str, Any], *, clock: Callable[[], datetime], seat: str
) -> JournalEvent:
    """Check and write one journal line inside the write under way; return its event.

    A line without `at` is stamped with `clock`, and without `seat` with `seat`. A line that
    sorts before events already applied is placed where it belongs (the journal is replayed
    in the shared order), and refused when it, or an event after it, would be refused there.
    """
    from models.store.merge import take_in

    return take_in(db, [prepare_line(db, line, clock=clock, seat=seat)], strict=True)[0]


def own_database_id(db: Connection) -> str:
    """This database's own id (kept for the write under way)."""
    cache = db.in_write if db.in_write is not None else {}
    if "database_id" not in cache:
        row = db.one("SELECT value FROM meta WHERE key = 'database_id'")
        assert row is not None, "every open file is migrated"
        cache["database_id"] = str(row[0])
    return str(cache["database_id"])


def latest_key(db: Connection) -> str:
    """The key of the event that sorts last in the journal ('' when it is empty)."""
    row = db.one("SELECT max(sort_key) FROM events")
    return str(row[0]) if row and row[0] is not None else ""


def _next_n(db: Connection, own: str) -> int:
    cache = db.in_write
    assert cache is not None, "events are applied inside a write transaction"
    if "next_n" not in cache:
        row = db.one(
            "SELECT coalesce(max(origin_n), 0) + 1 FROM events WHERE origin_db = ?", (own,)
        )
        assert row is not None
        cache["next_n"] = int(row[0])
    n = int(cache["next_n"])
    cache["next_n"] = n + 1
    return n


def _check_origin_free(
    db: Connection, origin: tuple[str, int], batch: dict[str, str] | None
) -> None:
    cache = db.in_write if db.in_write is not None else {}
    taken: set[tuple[str, int]] = cache.setdefault("origins", set())
    if origin in taken or db.one(
        "SELECT 1 FROM events WHERE origin_db = ? AND origin_n = ?", origin
    ):
        raise DomainError(f"origin {origin[0]} n {origin[1]} is already used by another event")
    if batch is not None:
        taken.add(origin)


def _named_keys(db: Connection, line: dict[str, Any], batch: dict[str, str] | None) -> list[str]:
    keys = []
    for ident in references(line):
        if batch is not None and ident in batch:
            keys.append(batch[ident])
            continue
        row = db.one("SELECT sort_key FROM events WHERE id = ?", (ident,))
        if row is not None:
            keys.append(str(row[0]))
    return keys


def _new_id() -> str:
    # What `secrets.token_hex` does, without loading `secrets` (and OpenSSL) at start-up.
    return "ev-" + os.urandom(6).hex()
