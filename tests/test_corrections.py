"""Corrections as journal events (DESIGN.md "Corrections"): each handler accepts its line and
refuses what it must, views show the corrected record, undo restores the earlier value and a
redo checks again."""

from __future__ import annotations

from typing import Any

import pytest

from models.errors import DomainError
from models.store import Store
from models.vocabulary import AgendaStatus, NoteKind, SessionMode, Visibility


def note(store: Store, note_id: str) -> Any:
    return next(n for n in store.notes() if n.id == note_id)


def proposal(store: Store, proposal_id: str) -> Any:
    return next(p for p in store.proposals() if p.id == proposal_id)


def refused(store: Store, line: dict[str, Any], words: str) -> None:
    before = store.journal_lines() if hasattr(store, "journal_lines") else list(store.journal())
    with pytest.raises(DomainError, match=words):
        store.record(line)
    assert list(store.journal()) == before


# ------------------------------------------------------------------------- note.edited


def test_a_note_edit_shows_the_corrected_note_and_keeps_both(small_store: Store) -> None:
    small_store.record(
        {"type": "note.edited", "id": "e1", "note": "n1", "text": "We hold at 24 for TK-3"}
    )
    edited = note(small_store, "n1")
    assert edited.text == "We hold at 24 for TK-3"
    assert edited.edited is True
    assert note(small_store, "n2").edited is False
    assert small_store.event("n1").data["text"] == "We hold at 24 for K-3"  # history keeps both


def test_a_note_edit_merges_field_by_field(small_store: Store) -> None:
    small_store.record({"type": "note.edited", "note": "n2", "kind": "commitment"})
    small_store.record({"type": "note.edited", "note": "n2", "visibility": "team"})
    small_store.record({"type": "note.edited", "note": "n2", "party": None, "speaker": ""})
    edited = note(small_store, "n2")
    assert edited.text == "Our students cannot learn in rooms of 32"
    assert edited.kind is NoteKind.COMMITMENT
    assert edited.visibility is Visibility.TEAM
    assert edited.party is None and edited.speaker == ""


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ({"note": "p1", "text": "x"}, "note p1 is not a note"),
        ({"note": "nope", "text": "x"}, "note nope is not in the journal"),
        ({"note": "n1"}, "say what to change"),
        ({"note": "n1", "text": ""}, "text is empty"),
        ({"note": "n1", "visibility": "public"}, "visibility"),
    ],
)
def test_a_note_edit_is_refused_with_what_to_fix(
    small_store: Store, line: dict[str, Any], words: str
) -> None:
    refused(small_store, {"type": "note.edited", **line}, words)


def test_editing_an_undone_note_is_refused(small_store: Store) -> None:
    small_store.undo("n1")
    refused(small_store, {"type": "note.edited", "note": "n1", "text": "x"}, "n1 was undone")


def test_undoing_a_note_edit_restores_the_earlier_text_and_redo_brings_it_back(
    small_store: Store,
) -> None:
    small_store.record({"type": "note.edited", "id": "e1", "note": "n1", "text": "first"})
    small_store.record({"type": "note.edited", "id": "e2", "note": "n1", "text": "second"})
    undo = small_store.undo("e2")
    assert note(small_store, "n1").text == "first"
    small_store.undo("e1")
    assert note(small_store, "n1").text == "We hold at 24 for K-3"
    assert note(small_store, "n1").edited is False
    small_store.undo(undo.id)  # redo e2 alone
    assert note(small_store, "n1").text == "second"


def test_a_note_cannot_be_undone_while_its_edit_stands(small_store: Store) -> None:
    small_store.record({"type": "note.edited", "id": "e1", "note": "n1", "text": "x"})
    with pytest.raises(DomainError, match=r"note\.edited e1 depends on it"):
        small_store.undo("n1")


# ----------------------------------------------------------------------- proposal.amended


def test_an_amendment_changes_what_every_view_shows(small_store: Store) -> None:
    small_store.record(
        {
            "type": "proposal.amended",
            "id": "am1",
            "proposal": "p1",
            "label": "REA #1 (package)",
            "summary": "Cap classes at 24",
            "internal_note": "We can go to 25",
            "link": "https://example.org/rea-1b.pdf",
            "terms": {"class_size_k3": 24},
        }
    )
    amended = proposal(small_store, "p1")
    assert amended.label == "REA #1 (package)"
    assert amended.summary == "Cap classes at 24"
    assert amended.internal_note == "We can go to 25"
    assert amended.link == "https://example.org/rea-1b.pdf"
    assert amended.terms == {"class_size_k3": 24.0}
    rows = {row.number: row for row in small_store.board()}
    assert rows["4"].last_proposal == "REA #1 (package)"


def test_amended_terms_merge_per_name_and_null_removes_one(small_store: Store) -> None:
    small_store.record(
        {"type": "proposal.amended", "proposal": "p2", "terms": {"a_pct": 1, "b_pct": 2}}
    )
    small_store.record(
        {"type": "proposal.amended", "proposal": "p2", "terms": {"a_pct": None, "c_pct": 3}}
    )
    assert proposal(small_store, "p2").terms == {"b_pct": 2.0, "c_pct": 3.0}


def test_lifting_an_embargo_shows_the_details_to_members(small_store: Store) -> None:
    small_store.record(
        {
            "type": "proposal.passed",
            "id": "p3",
            "session": 1,
            "by": "employer",
            "articles": ["2"],
            "label": "RUSD #2",
            "embargoed": True,
        }
    )
    members = {row.number: row for row in small_store.board("members")}
    assert members["2"].last_proposal != "RUSD #2"
    small_store.record({"type": "proposal.amended", "proposal": "p3", "embargoed": False})
    assert proposal(small_store, "p3").embargoed is False
    members = {row.number: row for row in small_store.board("members")}
    assert members["2"].last_proposal == "RUSD #2"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ({"proposal": "n1", "summary": "x"}, "proposal n1 is not a proposal"),
        ({"proposal": "zz", "summary": "x"}, "proposal zz is not in the journal"),
        ({"proposal": "p1", "label": "rusd #1"}, "already used by p2"),
        ({"proposal": "p1"}, "say what to change"),
        ({"proposal": "p1", "link": "ftp://x"}, "link must start with"),
        ({"proposal": "p1", "terms": {"Bad": 1}}, "term name"),
    ],
)
def test_an_amendment_is_refused_with_what_to_fix(
    small_store: Store, line: dict[str, Any], words: str
) -> None:
    refused(small_store, {"type": "proposal.amended", **line}, words)


def test_undoing_an_amendment_restores_the_label_and_redo_rechecks(small_store: Store) -> None:
    small_store.record({"type": "proposal.amended", "id": "am1", "proposal": "p1", "label": "X"})
    undo = small_store.undo("am1")
    assert proposal(small_store, "p1").label == "REA #1"
    small_store.record({"type": "proposal.amended", "proposal": "p2", "label": "x"})
    with pytest.raises(DomainError, match=r"cannot bring back proposal\.amended am1"):
        small_store.undo(undo.id)
    assert proposal(small_store, "p1").label == "REA #1"


def test_undoing_an_amendment_is_refused_when_its_old_label_is_taken(small_store: Store) -> None:
    small_store.record({"type": "proposal.amended", "id": "am1", "proposal": "p1", "label": "X"})
    small_store.record({"type": "proposal.amended", "proposal": "p2", "label": "REA #1"})
    with pytest.raises(DomainError, match="another proposal now uses"):
        small_store.undo("am1")
    assert proposal(small_store, "p1").label == "X"


# ----------------------------------------------------------- session.rescheduled / cancelled


def test_a_reschedule_shows_the_new_time_and_place(live_store: Store) -> None:
    live_store.record(
        {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"}
    )
    live_store.record(
        {
            "type": "session.rescheduled",
            "id": "rs1",
            "session": 3,
            "starts": "2026-03-25T16:30:00-07:00",
            "location": "Zoom",
            "mode": "zoom",
        }
    )
    moved = live_store.session(3)
    assert moved.starts.isoformat() == "2026-03-25T16:30:00-07:00"
    assert (moved.location, moved.mode) == ("Zoom", SessionMode.ZOOM)
    live_store.undo("rs1")
    assert live_store.session(3).starts.isoformat() == "2026-03-24T16:30:00-07:00"
    assert live_store.session(3).mode is SessionMode.IN_PERSON


def test_a_session_that_never_started_is_cancelled_and_cannot_start(live_store: Store) -> None:
    live_store.record(
        {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"}
    )
    live_store.record({"type": "session.cancelled", "id": "x3", "session": 3})
    assert live_store.session(3).cancelled
    live_store.record({"type": "session.ended", "session": 2})
    refused(live_store, {"type": "session.started", "session": 3}, "session 3 was cancelled")
    refused(live_store, {"type": "session.cancelled", "session": 3}, "already cancelled")
    refused(
        live_store,
        {"type": "session.rescheduled", "session": 3, "location": "x"},
        "session 3 is cancelled",
    )
    live_store.undo("x3")
    assert not live_store.session(3).cancelled
    live_store.record({"type": "session.started", "session": 3})


def test_a_started_session_cannot_be_cancelled(live_store: Store) -> None:
    refused(
        live_store,
        {"type": "session.cancelled", "session": 2},
        "session 2 has started; it cannot be cancelled",
    )
    refused(live_store, {"type": "session.cancelled", "session": 9}, "session 9 is not scheduled")


def test_redo_of_a_cancellation_rechecks(live_store: Store) -> None:
    live_store.record(
        {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"}
    )
    live_store.record({"type": "session.cancelled", "id": "x3", "session": 3})
    undo = live_store.undo("x3")
    live_store.record({"type": "session.ended", "session": 2})
    live_store.record({"type": "session.started", "session": 3})
    with pytest.raises(DomainError, match="session 3 has started"):
        live_store.undo(undo.id)


# ------------------------------------------------------------- agenda.item_removed / moved


def agenda_titles(store: Store, session: int) -> list[str]:
    return [item.title for item in store.agenda(session)]


def three_items(store: Store) -> None:
    for ident, title in (("g1", "Salary"), ("g2", "Leaves"), ("g3", "Class size")):
        store.record({"type": "agenda.item_added", "id": ident, "session": 2, "title": title})


def test_an_upcoming_item_is_removed_by_id_or_position(live_store: Store) -> None:
    three_items(live_store)
    live_store.record({"type": "agenda.item_removed", "id": "rm1", "session": 2, "item": "g2"})
    assert agenda_titles(live_store, 2) == ["Salary", "Class size"]
    live_store.record({"type": "agenda.item_removed", "session": 2, "item": 2})
    assert agenda_titles(live_store, 2) == ["Salary"]
    assert [item.id for item in live_store.agenda(2)] == ["g1"]


def test_an_item_under_way_or_done_cannot_be_removed(live_store: Store) -> None:
    three_items(live_store)
    live_store.record({"type": "agenda.item_started", "session": 2, "item": "g1"})
    refused(
        live_store,
        {"type": "agenda.item_removed", "session": 2, "item": 1},
        "item 1 is under way; it cannot be removed",
    )
    live_store.record({"type": "agenda.item_done", "session": 2, "item": 1})
    refused(live_store, {"type": "agenda.item_removed", "session": 2, "item": "g1"}, "done")
    removal = {"type": "agenda.item_removed", "session": 2, "item": 4}
    refused(live_store, removal, "no agenda item 4")
    refused(
        live_store,
        {"type": "agenda.item_removed", "session": 2, "item": "ag1"},
        "ag1 is not on the agenda of session 2",
    )


def test_moving_an_item_reorders_the_agenda_and_positions_follow(live_store: Store) -> None:
    three_items(live_store)
    live_store.record({"type": "agenda.item_moved", "id": "mv1", "session": 2, "item": 3, "to": 1})
    assert agenda_titles(live_store, 2) == ["Class size", "Salary", "Leaves"]
    live_store.record({"type": "agenda.item_started", "session": 2, "item": 1})
    assert live_store.agenda(2)[0].status is AgendaStatus.ACTIVE
    assert live_store.agenda(2)[0].id == "g3"
    refused(
        live_store, {"type": "agenda.item_moved", "session": 2, "item": 1, "to": 4}, "from 1 to 3"
    )
    refused(
        live_store,
        {"type": "agenda.item_moved", "session": 2, "item": "g1", "to": 2},
        "already at position 2",
    )


def test_undoing_a_move_or_removal_restores_the_order(live_store: Store) -> None:
    three_items(live_store)
    live_store.record({"type": "agenda.item_moved", "id": "mv1", "session": 2, "item": 1, "to": 3})
    live_store.record({"type": "agenda.item_removed", "id": "rm1", "session": 2, "item": "g2"})
    assert agenda_titles(live_store, 2) == ["Class size", "Salary"]
    undo = live_store.undo("rm1")
    assert agenda_titles(live_store, 2) == ["Leaves", "Class size", "Salary"]
    live_store.undo("mv1")
    assert agenda_titles(live_store, 2) == ["Salary", "Leaves", "Class size"]
    live_store.undo(undo.id)  # redo the removal: g2 is still upcoming
    assert agenda_titles(live_store, 2) == ["Salary", "Class size"]


def test_redo_of_a_removal_rechecks_the_item(live_store: Store) -> None:
    three_items(live_store)
    live_store.record({"type": "agenda.item_removed", "id": "rm1", "session": 2, "item": "g2"})
    undo = live_store.undo("rm1")
    live_store.record({"type": "agenda.item_started", "session": 2, "item": "g2"})
    with pytest.raises(DomainError, match="under way"):
        live_store.undo(undo.id)


def test_marks_name_items_by_id(live_store: Store) -> None:
    three_items(live_store)
    live_store.record({"type": "agenda.item_skipped", "session": 2, "item": "g2"})
    assert live_store.agenda(2)[1].status is AgendaStatus.SKIPPED
    refused(
        live_store, {"type": "agenda.item_done", "session": 2, "item": "nope"}, "nope is not on"
    )


def test_the_article_history_shows_the_amendment_beside_the_pass(small_store: Store) -> None:
    small_store.record(
        {
            "type": "proposal.amended",
            "id": "am1",
            "proposal": "p1",
            "summary": "Cap classes at 24",
            "embargoed": False,
        }
    )
    history = small_store.article_history("3")
    assert [(e.what, e.proposal) for e in history] == [
        ("passed (package)", "p1"),
        ("passed (counter)", "p2"),
        ("amended (summary, embargo lifted)", "p1"),  # recorded now, after both
    ]
    assert history[0].summary == "Cap classes at 24"  # the pass shows the record as corrected
    assert history[2].event_id == "am1"
    small_store.undo("am1")
    assert len(small_store.article_history("3")) == 2
