"""The write rules of the recap's own events: the comms lead's headline and lead
(`recap.written`) and translations of member-facing texts (`text.translated`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.store.connection import Connection
from models.store.context import Applying
from models.store.queries import latest_mark, session_seq
from models.translatable import TRANSLATABLE, source_hash

if TYPE_CHECKING:
    from models import event_recap as ev


CORRECTIONS = ("article.renamed", "note.edited", "proposal.amended", "session.rescheduled")
"""The events that correct another event's texts (DESIGN: corrections), naming it as subject."""
_IN = ",".join("?" * len(CORRECTIONS))


def on_recap_written(db: Connection, p: ev.RecapWritten, c: Applying) -> None:
    c.subject = session_seq(db, p.session)
    started = latest_mark(db, "session.started", p.session, by_session=True)
    if started is None:
        raise DomainError(f"session {p.session} has not started; a recap is written after it")
    c.refs += [c.subject, int(started[0])]


def on_text_translated(db: Connection, p: ev.TextTranslated, c: Applying) -> None:
    row = db.one("SELECT seq, type, data, undone FROM events WHERE id = ?", (p.event,))
    if row is None or row[3]:
        raise DomainError(f"event {p.event!r} is not in the journal (or was undone)")
    seq, kind, data = int(row[0]), str(row[1]), json.loads(row[2])
    if not translatable(kind, p.field):
        fields = ", ".join(TRANSLATABLE.get(kind, ())) or "none"
        raise DomainError(
            f"{kind} has no member-facing {p.field!r} to translate (its fields: {fields})"
        )
    current = current_text(db, seq, data, p.field)
    if not current:
        raise DomainError(f"event {p.event!r} has no {p.field} to translate")
    c.subject = seq
    c.refs.append(seq)
    if not p.source:
        c.stored["source"] = source_hash(current)


def translatable(kind: str, field: str) -> bool:
    """Whether `field` of an event of `kind` is a member-facing text a translation may name."""
    if kind == "campaign.updated" and field.startswith("terms."):
        return field.endswith(".label")
    return field in TRANSLATABLE.get(kind, ())


def current_text(db: Connection, seq: int, data: dict[str, Any], field: str) -> str:
    """The field's text as it stands: the event's own, or that of the latest correction that
    names the event and carries the field."""
    value = field_value(data, field)
    for (later,) in db.query(
        f"SELECT data FROM events WHERE subject = ? AND undone = 0 AND type IN ({_IN})"
        " ORDER BY seq",
        (seq, *CORRECTIONS),
    ):
        found = field_value(json.loads(later), field)
        if found is not None:
            value = found
    return (value or "").strip()


def field_value(data: dict[str, Any], field: str) -> str | None:
    """One text of a journal line by its field name (None when the line does not carry it):
    `location` of a session.ended is its next session's, `terms.NAME.label` a term's label."""
    if field.startswith("terms."):
        name = field.split(".")[1]
        term = (data.get("terms") or {}).get(name)
        label = term.get("label") if isinstance(term, dict) else None
        return label if isinstance(label, str) else None
    if field in ("signoff", "watch") and data.get("type") == "campaign.updated":
        recap = data.get("recap")
        value = recap.get(field) if isinstance(recap, dict) else None
        return value if isinstance(value, str) else None
    if field == "location" and data.get("type") == "session.ended":
        nxt = data.get("next")
        return nxt.get("location") if isinstance(nxt, dict) else None
    value = data.get(field)
    return value if isinstance(value, str) else None
