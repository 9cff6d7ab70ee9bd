"""Corrections, one typed function per thing a user fixes (re-exported by `models.actions`,
the one module the screens call for writes). Each writes a correction event that carries only
what changed; nothing is edited in place, and undo works on it like on any event."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from models.domain import (
    JournalEvent,
    Note,
    NoteKind,
    NoteParty,
    Proposal,
    Session,
    SessionKind,
    SessionMode,
    Visibility,
)
from models.errors import DomainError
from models.store import Store


def _changed(record: Note | Proposal | Session, wanted: Mapping[str, Any]) -> dict[str, Any]:
    """The wanted fields that differ from the record's, in journal form."""
    current = record._asdict()
    return {
        name: getattr(value, "value", value)
        for name, value in wanted.items()
        if getattr(value, "value", value) != getattr(current[name], "value", current[name])
    }


def _given(**values: Any) -> dict[str, Any]:
    """The values given (None: leave that field as it is)."""
    return {name: value for name, value in values.items() if value is not None}


def edit_note(
    store: Store,
    note: Note,
    *,
    text: str | None = None,
    kind: NoteKind | None = None,
    speaker: str | None = None,
    party: NoteParty | str | None = "",
    visibility: Visibility | None = None,
) -> JournalEvent | None:
    """Correct a note (None: what was typed is what it says, so nothing is written). `party`
    None takes the party away; left out, it stays."""
    wanted = _given(text=text, kind=kind, speaker=speaker, visibility=visibility)
    if party != "":
        wanted["party"] = NoteParty(party) if party else None
    changes = _changed(note, wanted)
    if not changes:
        return None
    return store.record({"type": "note.edited", "note": note.id, **changes})


def switch_note_visibility(store: Store, note: Note) -> JournalEvent:
    """Switch a note between the team and the members."""
    other = Visibility.MEMBERS if note.visibility is Visibility.TEAM else Visibility.TEAM
    return store.record({"type": "note.edited", "note": note.id, "visibility": other.value})


def undo_note(store: Store, note: Note) -> list[JournalEvent]:
    """Undo a note and, first, every correction of it (latest first), in one write."""
    edits = [
        event
        for event in store.events(types=("note.edited",))
        if not event.undone and event.data.get("note") == note.id
    ]
    lines = [{"type": "event.undone", "event": event.id} for event in reversed(edits)]
    return store.record_many([*lines, {"type": "event.undone", "event": note.id}])


def amend_proposal(
    store: Store,
    proposal: Proposal,
    *,
    label: str | None = None,
    summary: str | None = None,
    internal_note: str | None = None,
    link: str | None = None,
    terms: Mapping[str, float] | None = None,
    embargoed: bool | None = None,
) -> JournalEvent | None:
    """Amend a proposal with what differs from it now (None when nothing does). `terms` is
    the whole new set: names left out are removed; `embargoed=False` lifts the embargo."""
    wanted = _given(
        label=label, summary=summary, internal_note=internal_note, link=link, embargoed=embargoed
    )
    changes = _changed(proposal, wanted)
    if terms is not None:
        old = dict(proposal.terms)
        term_changes: dict[str, float | None] = {
            name: float(value) for name, value in terms.items() if old.get(name) != value
        }
        term_changes.update({name: None for name in old if name not in terms})
        if term_changes:
            changes["terms"] = term_changes
    if not changes:
        return None
    return store.record({"type": "proposal.amended", "proposal": proposal.id, **changes})


def reschedule_session(
    store: Store,
    session: Session,
    *,
    starts: datetime | None = None,
    location: str | None = None,
    mode: SessionMode | None = None,
    kind: SessionKind | None = None,
    mediator: str | None = None,
) -> JournalEvent | None:
    """Move a session or correct where and how it meets (None when nothing changes)."""
    wanted = _given(location=location, mode=mode, kind=kind, mediator=mediator)
    changes = _changed(session, wanted)
    if starts is not None and starts != session.starts:
        changes["starts"] = starts.isoformat()
    if not changes:
        return None
    return store.record({"type": "session.rescheduled", "session": session.number, **changes})


def cancel_session(store: Store, number: int) -> JournalEvent:
    """Cancel a session that never started."""
    return store.record({"type": "session.cancelled", "session": number})


def _item_id(store: Store, session: int, position: int) -> str:
    items = store.agenda(session)
    if not 1 <= position <= len(items):
        raise DomainError(f"session {session} has no agenda item {position}; it has {len(items)}")
    return items[position - 1].id


def remove_agenda_item(store: Store, session: int, position: int) -> JournalEvent:
    """Take an item not yet started off a session's agenda."""
    item = _item_id(store, session, position)
    return store.record({"type": "agenda.item_removed", "session": session, "item": item})


def move_agenda_item(store: Store, session: int, position: int, to: int) -> JournalEvent:
    """Move an agenda item to another position (1-based)."""
    item = _item_id(store, session, position)
    return store.record({"type": "agenda.item_moved", "session": session, "item": item, "to": to})
