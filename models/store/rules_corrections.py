"""The write rules of the corrections (DESIGN.md "Corrections"): edit a note, amend a
proposal, reschedule or cancel a session, remove or move an agenda item.

Nothing is edited in place: each correction is an event naming its record. The note, proposal
and session rows hold the corrected values, rebuilt from the record's own line and its active
corrections in journal order (field by field, the latest value counts), so every read shows
the corrected record; an undo or redo of a correction rebuilds the row (`REBUILD`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.store.connection import Connection, json_text
from models.store.context import Applying
from models.store.order import event_fields
from models.store.queries import latest_mark, session_seq
from models.store.queries_corrections import agenda_order, corrections
from models.store.queries_sessions import agenda
from models.vocabulary import AgendaStatus

if TYPE_CHECKING:
    from models import event_corrections as ev
    from models.domain import AgendaItem

_NOTE_COLUMNS = ("text", "kind", "speaker", "party", "visibility")
_PROPOSAL_COLUMNS = ("label", "summary", "internal_note", "link", "terms", "embargoed")
_SESSION_COLUMNS = ("starts", "location", "mode", "kind", "mediator")


def _record_seq(db: Connection, event_id: str, table: str, noun: str, added: str) -> int:
    """The journal position of the active record an event id names, or a refusal that says
    what the id is instead."""
    row = db.one(
        f"SELECT f.seq FROM {table} f JOIN events e ON e.seq = f.seq WHERE e.id = ?"
        " AND f.undone = 0",
        (event_id,),
    )
    if row is not None:
        return int(row[0])
    found = db.one("SELECT type, undone FROM events WHERE id = ?", (event_id,))
    if found is None:
        raise DomainError(f"{noun} {event_id} is not in the journal; check the id")
    if found[0] != added:
        raise DomainError(f"{noun} {event_id} is not a {noun} (it is {found[0]})")
    raise DomainError(f"{noun} {event_id} was undone; redo it before correcting it")


def on_note_edited(db: Connection, p: ev.NoteEdited, c: Applying) -> None:
    c.subject = _record_seq(db, p.note, "notes", "note", "note.added")
    c.refs.append(c.subject)
    if not c.check_only:
        rebuild_note(db, c.subject, c.stored)


def on_proposal_amended(db: Connection, p: ev.ProposalAmended, c: Applying) -> None:
    c.subject = _record_seq(db, p.proposal, "proposals", "proposal", "proposal.passed")
    c.refs.append(c.subject)
    if p.label is not None:
        taken = db.one(
            "SELECT e.id FROM proposals f JOIN events e ON e.seq = f.seq WHERE f.undone = 0"
            " AND f.label = ? COLLATE NOCASE AND f.seq != ?",
            (p.label, c.subject),
        )
        if taken:
            raise DomainError(f"label {p.label!r} is already used by {taken[0]}; pick another")
    if not c.check_only:
        rebuild_proposal(db, c.subject, c.stored)


def _cancelled(db: Connection, number: int) -> bool:
    return latest_mark(db, "session.cancelled", number, by_session=True) is not None


def on_session_rescheduled(db: Connection, p: ev.SessionRescheduled, c: Applying) -> None:
    c.subject = session_seq(db, p.session)
    c.refs.append(c.subject)
    if _cancelled(db, p.session):
        raise DomainError(
            f"session {p.session} is cancelled; undo the cancellation before rescheduling it"
        )
    if not c.check_only:
        rebuild_session(db, c.subject, c.stored)


def on_session_cancelled(db: Connection, p: ev.SessionCancelled, c: Applying) -> None:
    c.subject = session_seq(db, p.session)
    c.refs.append(c.subject)
    if latest_mark(db, "session.started", p.session, by_session=True):
        raise DomainError(f"session {p.session} has started; it cannot be cancelled")
    if _cancelled(db, p.session):
        raise DomainError(f"session {p.session} is already cancelled")


def agenda_item(db: Connection, session: int, item: int | str, c: Applying) -> AgendaItem:
    """The agenda item a line names (by position or by the id of the event that added it),
    as the agenda stands now; a redo reads the item the event was written for."""
    order = agenda_order(db, session)
    c.refs.append(session_seq(db, session))
    if c.redo_subject is not None:
        if c.redo_subject not in order:
            raise DomainError("that agenda item is no longer on the agenda")
        position = order.index(c.redo_subject) + 1
    elif isinstance(item, str):
        row = db.one(
            "SELECT a.seq FROM agenda_items a JOIN events e ON e.seq = a.seq WHERE e.id = ?"
            " AND a.session = ? AND a.undone = 0",
            (item, session),
        )
        if row is None or int(row[0]) not in order:
            raise DomainError(f"agenda item {item} is not on the agenda of session {session}")
        position = order.index(int(row[0])) + 1
    else:
        position = item
    if not 1 <= position <= len(order):
        raise DomainError(f"session {session} has no agenda item {position}; it has {len(order)}")
    c.subject = order[position - 1]
    c.refs.append(c.subject)
    return agenda(db, session)[position - 1]


def on_agenda_item_removed(db: Connection, p: ev.AgendaItemRemoved, c: Applying) -> None:
    item = agenda_item(db, p.session, p.item, c)
    if item.status is AgendaStatus.ACTIVE:
        raise DomainError(f"item {item.position} is under way; it cannot be removed")
    if item.status is AgendaStatus.DONE:
        raise DomainError(f"item {item.position} is done; it stays on the record")


def on_agenda_item_moved(db: Connection, p: ev.AgendaItemMoved, c: Applying) -> None:
    item = agenda_item(db, p.session, p.item, c)
    count = len(agenda_order(db, p.session))
    if p.to > count:
        raise DomainError(
            f"session {p.session}'s agenda has {count} items; move it to a position from 1 to"
            f" {count}"
        )
    if p.to == item.position and c.redo_subject is None:
        raise DomainError(f"item {item.position} is already at position {p.to}")


# ------------------------------------------------------------------ the corrected rows


def _merged(
    db: Connection, subject: int, kind: str, columns: tuple[str, ...], latest: dict[str, Any] | None
) -> dict[str, Any]:
    """A record's fields: its own line (with its defaults), then each active correction's
    fields in journal order, then `latest` (the correction being applied)."""
    import json

    from models.events import parse_event

    row = db.one("SELECT data FROM events WHERE seq = ?", (subject,))
    assert row is not None
    line = event_fields(json.loads(row[0]))
    original = parse_event(line)
    fields: dict[str, Any] = {
        name: getattr(original, name) for name in columns if hasattr(original, name)
    }
    if "visibility" in columns and fields.get("visibility") is None:
        fields["visibility"] = line.get("visibility")
    lines = corrections(db, kind, subject) + ([latest] if latest is not None else [])
    for line in lines:
        for name in columns:
            if name not in line or (line[name] is None and name != "party"):
                continue
            if name == "terms":
                terms = dict(fields.get("terms") or {})
                for term, value in line["terms"].items():
                    if value is None:
                        terms.pop(term, None)
                    else:
                        terms[term] = float(value)
                fields["terms"] = terms
            elif name == "starts":
                fields[name] = datetime.fromisoformat(line[name]).isoformat()
            else:
                fields[name] = line[name]
    return {name: getattr(value, "value", value) for name, value in fields.items()}


def _write(db: Connection, table: str, subject: int, fields: dict[str, Any]) -> None:
    names = list(fields)
    try:
        db.conn.execute(
            f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE seq = ?",
            [*(fields[n] for n in names), subject],
        )
    except sqlite3.IntegrityError:
        raise DomainError(
            f"that would give it the label {fields.get('label')!r}, which another proposal"
            " now uses; rename that one first"
        ) from None


def rebuild_note(db: Connection, subject: int, latest: dict[str, Any] | None = None) -> None:
    """Write a note's corrected fields into its row."""
    fields = _merged(db, subject, "note.edited", _NOTE_COLUMNS, latest)
    _write(db, "notes", subject, fields)


def rebuild_proposal(db: Connection, subject: int, latest: dict[str, Any] | None = None) -> None:
    """Write a proposal's amended fields into its row."""
    fields = _merged(db, subject, "proposal.amended", _PROPOSAL_COLUMNS, latest)
    fields["terms"] = json_text(fields.get("terms") or {})
    fields["embargoed"] = int(bool(fields.get("embargoed")))
    _write(db, "proposals", subject, fields)


def rebuild_session(db: Connection, subject: int, latest: dict[str, Any] | None = None) -> None:
    """Write a session's rescheduled fields into its row."""
    fields = _merged(db, subject, "session.rescheduled", _SESSION_COLUMNS, latest)
    if isinstance(fields["starts"], datetime):
        fields["starts"] = fields["starts"].isoformat()
    _write(db, "sessions", subject, fields)


REBUILD: dict[str, Callable[[Connection, int], None]] = {
    "note.edited": rebuild_note,
    "proposal.amended": rebuild_proposal,
    "session.rescheduled": rebuild_session,
}
"""For each correction kept in its record's row: what rebuilds the row after an undo or redo."""
