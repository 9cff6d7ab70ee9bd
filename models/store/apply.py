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
from models.store import rules_recap as recap
from models.store import rules_sessions as sessions
from models.store import rules_table as table
from models.store import undo
from models.store.connection import Connection, json_text
from models.store.context import Applying
from models.timeutil import to_micros, utc_now

if TYPE_CHECKING:
    from models.domain import JournalEvent

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
    "recap.written": recap.on_recap_written,
    "text.translated": recap.on_text_translated,
}
"""Every event type the journal knows, and the handler that applies it."""


def apply_line(
    db: Connection, line: dict[str, Any], *, clock: Callable[[], datetime], seat: str
) -> JournalEvent:
    """Check and write one journal line inside the write under way; return its event.

    A line without `at` is stamped with `clock`, and without `seat` with `seat`.
    """
    from models.domain import JournalEvent
    from models.events import parse_event

    line = dict(line)
    if "at" not in line:
        line["at"] = clock().isoformat()
    if "seat" not in line and seat:
        line["seat"] = seat
    payload = parse_event(line)
    if payload.type != "campaign.created" and not db.has_campaign():
        raise DomainError(
            "there is no campaign yet; run `bargain init` (or start the journal "
            "with campaign.created)"
        )
    event_id = payload.id or _new_id()
    handler = HANDLERS[payload.type]
    at_us = to_micros(payload.at)
    at = instant_text(line["at"], payload.at)
    stored: dict[str, Any] = {"type": payload.type, "id": event_id, "at": at}
    if payload.seat:
        stored["seat"] = payload.seat
    checked = normal(line, payload)
    stored.update((k, v) for k, v in checked.items() if k not in ("type", "id", "at", "seat"))
    seq = _next_seq(db)
    context = Applying(seq=seq, at=at, at_us=at_us, stored=stored)
    handler(db, payload, context)
    try:
        db.conn.execute(
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
                json_text(stored),
                utc_now().isoformat(),
            ),
        )
    except sqlite3.IntegrityError:
        raise DomainError(f"event id {event_id!r} is already in the journal") from None
    if context.refs:
        db.conn.executemany(
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


def _next_seq(db: Connection) -> int:
    """The journal position the event being applied will take (within the write lock)."""
    cache = db.in_write
    assert cache is not None, "events are applied inside a write transaction"
    if "next_seq" not in cache:
        row = db.one("SELECT coalesce(max(seq), 0) + 1 FROM events")
        assert row is not None
        cache["next_seq"] = int(row[0])
    seq = int(cache["next_seq"])
    cache["next_seq"] = seq + 1
    return seq


def _new_id() -> str:
    # What `secrets.token_hex` does, without loading `secrets` (and OpenSSL) at start-up.
    return "ev-" + os.urandom(6).hex()
