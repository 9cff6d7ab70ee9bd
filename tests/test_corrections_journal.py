"""Corrections through the journal: each imports, a bad one stops the import at its line and
leaves the database as it was, and an exported journal with corrections replays to the same
state. Also the actions the app calls and the words undo uses for each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models import actions
from models.describe import describe_event
from models.errors import DomainError
from models.store import Store
from models.vocabulary import Visibility
from tests.support import SMALL_JOURNAL, file_digest
from tests.test_journal import state_of

AT = "2026-03-11T09:00:00-07:00"

CORRECTIONS: list[dict[str, Any]] = [
    {"type": "note.edited", "id": "x1", "note": "n2", "text": "Rooms of 32", "party": None},
    {"type": "note.edited", "id": "x2", "note": "n1", "visibility": "members"},
    {
        "type": "proposal.amended",
        "id": "x3",
        "proposal": "p1",
        "label": "REA #1b",
        "terms": {"class_k3": 24},
        "embargoed": False,
    },
    {"type": "session.scheduled", "id": "s2", "session": 2, "starts": "2026-03-17T16:30:00-07:00"},
    {"type": "session.rescheduled", "id": "x4", "session": 2, "location": "Library"},
    {"type": "session.rescheduled", "id": "x9", "session": 2, "mode": "zoom"},
    {"type": "agenda.item_added", "id": "g1", "session": 2, "title": "Salary"},
    {"type": "agenda.item_added", "id": "g2", "session": 2, "title": "Leaves"},
    {"type": "agenda.item_added", "id": "g3", "session": 2, "title": "Class size"},
    {"type": "agenda.item_moved", "id": "x5", "session": 2, "item": "g3", "to": 1},
    {"type": "agenda.item_removed", "id": "x6", "session": 2, "item": 3},
    {"type": "session.scheduled", "id": "s3", "session": 3, "starts": "2026-03-24T16:30:00-07:00"},
    {"type": "session.cancelled", "id": "x7", "session": 3},
    {"type": "event.undone", "id": "x8", "event": "x1"},
]


def lines(*extra: dict[str, Any]) -> list[str]:
    base = SMALL_JOURNAL.read_text(encoding="utf-8").splitlines()
    return base + [json.dumps({"at": AT, **line}) for line in extra]


def test_a_journal_of_corrections_imports_and_shows_the_corrected_records(db_path: Path) -> None:
    with Store(db_path, create=True) as store:
        store.import_journal(lines(*CORRECTIONS))
        notes = {n.id: n for n in store.notes()}
        assert notes["n2"].text == "Our students cannot learn in rooms of 32"  # c1 undone
        assert notes["n1"].visibility is Visibility.MEMBERS
        assert {p.id: p for p in store.proposals()}["p1"].label == "REA #1b"
        assert store.session(2).location == "Library"
        assert [i.title for i in store.agenda(2)] == ["Class size", "Salary"]
        assert store.session(3).cancelled


def test_corrections_round_trip_through_export_and_import(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db", create=True) as first:
        first.import_journal(lines(*CORRECTIONS))
        exported = list(first.journal())
        with Store(tmp_path / "b.db", create=True) as second:
            second.import_journal(exported)
            assert state_of(second) == state_of(first)
            assert list(second.journal()) == exported


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ({"type": "note.edited", "note": "p1", "text": "x"}, "note p1 is not a note"),
        ({"type": "note.edited", "note": "n1"}, "say what to change"),
        ({"type": "proposal.amended", "proposal": "p1", "label": "RUSD #1"}, "already used"),
        ({"type": "proposal.amended", "proposal": "p1", "embargoed": "maybe"}, "embargoed"),
        ({"type": "session.rescheduled", "session": 1, "starts": "2026-03-10T16:30"}, "offset"),
        ({"type": "session.cancelled", "session": 1}, "session 1 has started"),
        ({"type": "agenda.item_removed", "session": 1, "item": 1}, "item 1 is under way"),
        ({"type": "agenda.item_moved", "session": 1, "item": "ag2", "to": 9}, "from 1 to 2"),
    ],
)
def test_a_bad_correction_stops_the_import_at_its_line(
    small_store: Store, db_path: Path, bad: dict[str, Any], words: str
) -> None:
    good = {"type": "note.edited", "note": "n1", "text": "first", "at": AT}
    text = [json.dumps(good), "", json.dumps({"at": AT, **bad})]
    before = file_digest(db_path)
    with pytest.raises(DomainError, match=rf"^line 3: .*{words}"):
        small_store.import_journal(text)
    assert file_digest(db_path) == before
    assert small_store.notes()[0].text == "We hold at 24 for K-3"


def test_the_actions_write_only_what_changed(live_store: Store) -> None:
    note = next(n for n in live_store.notes() if n.id == "n2")
    assert actions.edit_note(live_store, note, text=note.text) is None
    edit = actions.edit_note(live_store, note, text="Rooms of 32", party=None)
    assert edit is not None and set(edit.data) >= {"text", "party"}
    assert "speaker" not in edit.data
    switched = actions.switch_note_visibility(live_store, note)
    assert switched.data["visibility"] == "team"
    proposal = next(p for p in live_store.proposals() if p.id == "p1")
    amended = actions.amend_proposal(live_store, proposal, label="REA #1", terms={"k3": 24})
    assert amended is not None and amended.data["terms"] == {"k3": 24.0}
    assert "label" not in amended.data
    assert actions.amend_proposal(live_store, proposal, label="REA #1") is None


def test_undoing_a_note_takes_its_corrections_with_it(small_store: Store) -> None:
    note = next(n for n in small_store.notes() if n.id == "n1")
    actions.edit_note(small_store, note, text="edited")
    actions.switch_note_visibility(small_store, note)
    actions.undo_note(small_store, note)
    assert "n1" not in {n.id for n in small_store.notes()}


def test_the_app_names_agenda_items_by_id(live_store: Store) -> None:
    for title in ("Salary", "Leaves"):
        actions.add_agenda_item(live_store, 2, title)
    started = actions.next_agenda_item(live_store, 2)
    first = live_store.agenda(2)[0]
    assert started.data["item"] == first.id
    moved = actions.move_agenda_item(live_store, 2, 2, 1)
    assert moved.data["item"] == live_store.agenda(2)[0].id
    assert describe_event(moved, live_store.event) == "moving agenda item “Leaves” to position 1"
    removed = actions.remove_agenda_item(live_store, 2, 1)
    assert describe_event(removed, live_store.event) == "removing agenda item “Leaves”"


def test_every_correction_is_described_in_plain_words(small_store: Store) -> None:
    small_store.import_journal([json.dumps({"at": AT, **line}) for line in CORRECTIONS[:-1]])
    said = {
        event.id: describe_event(event, small_store.event)
        for event in small_store.events()
        if event.id.startswith("x")
    }
    assert said["x1"] == "editing the note “Our students cannot learn in rooms of 32” (text, party)"
    assert said["x2"] == "switching the note “We hold at 24 for K-3” to members"
    assert said["x3"] == "amending REA #1 (label, terms, lifting the embargo)"
    assert said["x4"] == "rescheduling session 2 (location)"
    assert said["x5"] == "moving agenda item “Class size” to position 1"
    assert said["x6"] == "removing agenda item 3"
    assert said["x7"] == "cancelling session 3"
