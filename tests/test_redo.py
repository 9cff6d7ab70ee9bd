"""A redo (undoing an undo) is a write like any other: the event's own checks run again.

Each case below writes an event, undoes it, then makes a write the state accepts only while
that event is hidden; bringing the event back must then be refused with the reason, and leave
the database exactly as it was. Every event type is covered: by a refusal where its checks can
fail, and by an accepted redo where nothing stands in the way.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import pytest

from models import events as ev
from models.errors import DomainError
from models.store import Store


def _undo_of(store: Store, event_id: str) -> str:
    """The undo that currently hides an event."""
    for event in reversed(store.events(types=["event.undone"])):
        if event.data["event"] == event_id and not event.undone:
            return event.id
    raise AssertionError(f"{event_id} is not undone")


def redo(store: Store, event_id: str) -> None:
    store.undo(_undo_of(store, event_id))


def _rec(store: Store, line: dict[str, Any]) -> str:
    return store.record(line).id


def _then_undo(store: Store, line: dict[str, Any]) -> str:
    event_id = _rec(store, line)
    store.undo(event_id)
    return event_id


TA2 = {
    "type": "ta.signed",
    "session": 2,
    "articles": ["2"],
    "initials": {"union": "A", "employer": "B"},
}


def _ta_twice(store: Store) -> str:
    first = _then_undo(store, TA2)
    _rec(store, TA2)
    return first


def _proposal_after_ta(store: Store) -> str:
    line = {"type": "proposal.passed", "session": 2, "by": "union", "articles": ["2"], "label": "X"}
    first = _then_undo(store, line)
    _rec(store, TA2)
    return first


def _label_reused(store: Store) -> str:
    line = {"type": "proposal.passed", "session": 2, "by": "union", "articles": ["2"], "label": "X"}
    first = _then_undo(store, line)
    _rec(store, {**line, "articles": ["10"], "label": "x"})
    return first


def _article_twice(store: Store) -> str:
    line = {"type": "article.added", "number": "11", "title": "Safety"}
    first = _then_undo(store, line)
    _rec(store, {**line, "title": "Health and Safety"})
    return first


def _session_scheduled_twice(store: Store) -> str:
    line = {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"}
    first = _then_undo(store, line)
    _rec(store, line)
    return first


def _member_twice(store: Store) -> str:
    first = _then_undo(store, {"type": "member.added", "name": "Bo Lee"})
    _rec(store, {"type": "member.added", "name": "bo lee"})
    return first


def _session_started_twice(store: Store) -> str:
    _rec(store, {"type": "session.ended", "session": 2})
    _rec(store, {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"})
    first = _then_undo(store, {"type": "session.started", "session": 3})
    _rec(store, {"type": "session.started", "session": 3})
    return first


def _session_ended_twice(store: Store) -> str:
    first = _then_undo(store, {"type": "session.ended", "session": 2})
    _rec(store, {"type": "session.ended", "session": 2})
    return first


CAUCUS = {"type": "caucus.started", "session": 2, "by": "union", "minutes": 10}


def _caucus_twice(store: Store) -> str:
    first = _then_undo(store, CAUCUS)
    _rec(store, CAUCUS)
    return first


def _caucus_extended_after_end(store: Store) -> str:
    _rec(store, CAUCUS)
    first = _then_undo(
        store, {"type": "caucus.extended", "session": 2, "by": "union", "minutes": 5}
    )
    _rec(store, {"type": "caucus.ended", "session": 2, "by": "union"})
    return first


def _caucus_ended_twice(store: Store) -> str:
    _rec(store, CAUCUS)
    first = _then_undo(store, {"type": "caucus.ended", "session": 2, "by": "union"})
    _rec(store, {"type": "caucus.ended", "session": 2, "by": "union"})
    return first


def _answered_twice(store: Store) -> str:
    line = {"type": "info_request.answered", "request": "r1", "session": 2}
    first = _then_undo(store, line)
    _rec(store, line)
    return first


ITEM = {"type": "agenda.item_added", "session": 2, "title": "Safety"}


def _item_started_twice(store: Store) -> str:
    _rec(store, ITEM)
    first = _then_undo(store, {"type": "agenda.item_started", "session": 2, "item": 1})
    _rec(store, {"type": "agenda.item_started", "session": 2, "item": 1})
    return first


def _item_done_twice(store: Store) -> str:
    _rec(store, ITEM)
    first = _then_undo(store, {"type": "agenda.item_done", "session": 2, "item": 1})
    _rec(store, {"type": "agenda.item_done", "session": 2, "item": 1})
    return first


def _item_skipped_after_start(store: Store) -> str:
    _rec(store, ITEM)
    first = _then_undo(store, {"type": "agenda.item_skipped", "session": 2, "item": 1})
    _rec(store, {"type": "agenda.item_started", "session": 2, "item": 1})
    return first


def _item_started_read_by_its_own_item(store: Store) -> str:
    """The start of item 2 is checked against that item, though item 1 is gone since."""
    _rec(store, {**ITEM, "title": "first"})
    _rec(store, {**ITEM, "title": "second"})
    first = _then_undo(store, {"type": "agenda.item_started", "session": 2, "item": 2})
    _rec(store, {"type": "agenda.item_started", "session": 2, "item": 2})
    return first


def _withdrawn_after_ta(store: Store) -> str:
    line = {"type": "proposal.withdrawn", "proposal": "p1", "by": "union"}
    first = _then_undo(store, line)
    _rec(store, {**TA2, "articles": [], "proposal": "p1"})
    return first


def _withdrawn_twice(store: Store) -> str:
    line = {"type": "proposal.withdrawn", "proposal": "p2", "by": "employer"}
    first = _then_undo(store, line)
    _rec(store, line)
    return first


def _ta_from_a_proposal_withdrawn_since(store: Store) -> str:
    first = _then_undo(store, {**TA2, "articles": [], "proposal": "p2"})
    _rec(store, {"type": "proposal.withdrawn", "proposal": "p2", "by": "employer"})
    return first


def _undo_brought_back_over_another_undo(store: Store) -> str:
    """n1 undone (u1), u1 undone (n1 back), n1 undone again (u2): u1 cannot come back."""
    first = _then_undo(store, {"type": "event.undone", "event": "n1"})
    _rec(store, {"type": "event.undone", "event": "n1"})
    return first


REFUSED: dict[str, tuple[Callable[[Store], str], str]] = {
    "two TAs on one article": (_ta_twice, "article 2 already has a TA"),
    "a proposal on a TA'd article": (_proposal_after_ta, "article 2 was TA'd"),
    "a label used again": (_label_reused, "label 'X' is already used"),
    "an article number used again": (_article_twice, "article 11 already exists"),
    "a session number used again": (_session_scheduled_twice, "session 3 is already scheduled"),
    "a member added twice": (_member_twice, "Bo Lee is already on the roster"),
    "a session started twice": (_session_started_twice, "session 3 has already started"),
    "a session ended twice": (_session_ended_twice, "session 2 has already ended"),
    "a caucus opened twice": (_caucus_twice, "the union is already in caucus in session 2"),
    "an ended caucus extended": (_caucus_extended_after_end, "the union has no caucus running"),
    "a caucus ended twice": (_caucus_ended_twice, "the union has no caucus running"),
    "a request answered twice": (_answered_twice, "'r1' is already answered"),
    "an agenda item started twice": (_item_started_twice, "agenda item 1 is already under way"),
    "an agenda item done twice": (_item_done_twice, "agenda item 1 is already done"),
    "a started item skipped": (_item_skipped_after_start, "only an upcoming item is skipped"),
    "an item read by its own id": (
        _item_started_read_by_its_own_item,
        "agenda item 2 is already under way",
    ),
    "a withdrawal after a TA": (_withdrawn_after_ta, "REA #1 is TA'd"),
    "a proposal withdrawn twice": (_withdrawn_twice, "RUSD #1 is already withdrawn"),
    "a TA from a withdrawn proposal": (_ta_from_a_proposal_withdrawn_since, "was withdrawn"),
    "an undo over another undo": (_undo_brought_back_over_another_undo, "is already undone"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_redo_the_state_would_not_accept_now_is_refused(live_store: Store, case: str) -> None:
    setup, reason = REFUSED[case]
    event_id = setup(live_store)
    journal, board = list(live_store.journal()), live_store.board()
    with pytest.raises(DomainError, match=f"cannot bring back .*{reason}"):
        redo(live_store, event_id)
    assert list(live_store.journal()) == journal
    assert live_store.board() == board
    event = live_store.event(event_id)
    assert event is not None and event.undone


def test_a_refused_redo_leaves_state_the_same_when_the_item_moved(live_store: Store) -> None:
    """Item 1 undone after item 2's start was undone: item 2's start still reads item 2."""
    _rec(live_store, {**ITEM, "title": "first"})
    _rec(live_store, {**ITEM, "title": "second"})
    start = _then_undo(live_store, {"type": "agenda.item_started", "session": 2, "item": 2})
    live_store.undo(live_store.events(types=["agenda.item_added"])[-2].id)
    redo(live_store, start)
    assert [(i.title, i.status.value) for i in live_store.agenda(2)] == [("second", "active")]


# An accepted redo for every event type: what each one needs first, then the line itself.
ACCEPTED: dict[str, tuple[list[dict[str, Any]], dict[str, Any]]] = {
    "campaign.updated": ([], {"type": "campaign.updated", "title": "Successor 2026"}),
    "article.added": ([], {"type": "article.added", "number": "11", "title": "Safety"}),
    "article.renamed": ([], {"type": "article.renamed", "number": "2", "title": "Pay"}),
    "member.added": ([], {"type": "member.added", "name": "Bo Lee"}),
    "session.scheduled": (
        [],
        {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"},
    ),
    "session.started": (
        [
            {"type": "session.ended", "session": 2},
            {"type": "session.scheduled", "session": 3, "starts": "2026-03-24T16:30:00-07:00"},
        ],
        {"type": "session.started", "session": 3},
    ),
    "session.ended": ([], {"type": "session.ended", "session": 2}),
    "attendance.recorded": ([], {"type": "attendance.recorded", "session": 2, "observers": 3}),
    "agenda.item_added": ([], ITEM),
    "agenda.item_started": ([ITEM], {"type": "agenda.item_started", "session": 2, "item": 1}),
    "agenda.item_done": ([ITEM], {"type": "agenda.item_done", "session": 2, "item": 1}),
    "agenda.item_skipped": ([ITEM], {"type": "agenda.item_skipped", "session": 2, "item": 1}),
    "proposal.passed": (
        [],
        {"type": "proposal.passed", "session": 2, "by": "union", "articles": ["2"], "label": "X"},
    ),
    "proposal.withdrawn": ([], {"type": "proposal.withdrawn", "proposal": "p2", "by": "employer"}),
    "ta.signed": ([], TA2),
    "caucus.started": ([], CAUCUS),
    "caucus.extended": (
        [CAUCUS],
        {"type": "caucus.extended", "session": 2, "by": "union", "minutes": 5},
    ),
    "caucus.ended": ([CAUCUS], {"type": "caucus.ended", "session": 2, "by": "union"}),
    "note.added": ([], {"type": "note.added", "session": 2, "text": "hello"}),
    "info_request.made": (
        [],
        {"type": "info_request.made", "session": 2, "by": "union", "text": "t"},
    ),
    "info_request.answered": ([], {"type": "info_request.answered", "request": "r1"}),
    "event.undone": ([], {"type": "event.undone", "event": "n2"}),
}


def _event_types() -> set[str]:
    kinds: set[str] = set()
    for model in vars(ev).values():
        if isinstance(model, type) and issubclass(model, ev.Event) and model is not ev.Event:
            annotation = typing.get_type_hints(model).get("type")
            kinds.update(typing.get_args(annotation))
    return kinds


def test_every_event_type_is_covered_by_a_redo_case() -> None:
    assert _event_types() - {"campaign.created"} == set(ACCEPTED)


def _reads(store: Store) -> tuple[object, ...]:
    return (
        store.board(),
        store.sessions(),
        store.notes(),
        store.members(),
        store.info_requests(),
        store.caucuses(),
        store.agenda(2),
        store.proposals(),
        store.tas(),
        store.campaign(),
        store.articles(),
        store.attendance(2),
    )


@pytest.mark.parametrize("kind", list(ACCEPTED))
def test_a_redo_nothing_stands_in_the_way_of_is_accepted(live_store: Store, kind: str) -> None:
    """After the redo every read shows what it showed right after the original write."""
    before, line = ACCEPTED[kind]
    for earlier in before:
        _rec(live_store, earlier)
    event_id = _rec(live_store, line)
    written = _reads(live_store)
    live_store.undo(event_id)
    assert _reads(live_store) != written
    redo(live_store, event_id)
    event = live_store.event(event_id)
    assert event is not None and not event.undone
    assert _reads(live_store) == written
