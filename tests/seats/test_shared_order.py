"""The shared order in the store: events placed by (at, origin db, origin n), references
first, the journal replayed when something arrives in its past, conflicts kept apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.errors import DomainError
from models.store import Store
from models.store.order import own_key, sort_key
from tests.seats.support import event_set, line, rebuilt, small_lines, state_of
from tests.support import file_digest

TA = {"union": "A", "employer": "B"}


@pytest.fixture
def two(tmp_path: Path) -> tuple[Store, Store]:
    """Two seats holding the small journal (session 1 ended at 18:30 on 10 March)."""
    a = Store(tmp_path / "a.db", create=True, seat="lead")
    a.import_journal(small_lines())
    b = Store(tmp_path / "b.db", create=True, seat="notes")
    b.import_journal(list(a.journal()))
    yield a, b
    a.close()
    b.close()


def both_ta_article_2(a: Store, b: Store) -> None:
    """a TAs article 2 at 18:05, b at 18:01 (neither has seen the other's yet)."""
    for store, ident, at in ((a, "ta-a", "18:05"), (b, "ta-b", "18:01")):
        store.record(
            line(
                "ta.signed",
                f"2026-03-10T{at}:00-07:00",
                id=ident,
                session=1,
                articles=["2"],
                initials=TA,
            )
        )


def lines_of(store: Store, ids: set[str]) -> list[dict[str, object]]:
    return [json.loads(t) for t in store.journal() if json.loads(t)["id"] in ids]


def test_every_exported_line_carries_its_origin(two: tuple[Store, Store]) -> None:
    a, b = two
    lines = [json.loads(t) for t in a.journal()]
    assert {tuple(line["origin"]) for line in lines} == {("db", "n")}
    assert [line["origin"]["n"] for line in lines] == list(range(1, 26))
    assert {line["origin"]["db"] for line in lines} == {a.database_id}
    assert event_set(a) == event_set(b)  # b keeps a's origins: it did not record them


def test_a_journal_without_origin_is_read_as_recorded_here_in_file_order(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db", create=True) as store:
        store.import_journal(small_lines())
        origins = [json.loads(t)["origin"] for t in store.journal()]
    assert [o["n"] for o in origins] == list(range(1, 26))


def test_an_event_arriving_in_the_past_is_placed_where_it_belongs(
    two: tuple[Store, Store],
) -> None:
    a, b = two
    # a's TA on 2 at 18:05; b's TA on 2 at 18:01 arrives later: b's comes first.
    both_ta_article_2(a, b)
    a.seat_records.take_in(lines_of(b, {"ta-b"}))
    b.seat_records.take_in(lines_of(a, {"ta-a"}))
    assert state_of(a) == state_of(b)
    assert [c.event_id for c in a.conflicts()] == ["ta-a"]
    assert "already has a TA" in a.conflicts()[0].reason
    assert [t.id for t in a.tas()] == ["ta-b", "t1"]  # the shared order: by time


def test_conflicts_are_exported_and_kept_as_conflicts_on_import(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = two
    both_ta_article_2(a, b)
    a.seat_records.take_in(lines_of(b, {"ta-b"}))
    exported = [json.loads(t) for t in a.journal()]
    assert [x["id"] for x in exported if x.get("conflict")] == ["ta-a"]
    with rebuilt(a, tmp_path / "again.db") as again:
        assert state_of(again) == state_of(a)
        assert list(again.journal()) == list(a.journal())


def test_an_undo_settles_a_conflict_and_cannot_be_taken_back(two: tuple[Store, Store]) -> None:
    a, b = two
    both_ta_article_2(a, b)
    a.seat_records.take_in(lines_of(b, {"ta-b"}))
    settle = a.undo("ta-a")
    assert a.conflicts() == []
    with pytest.raises(DomainError, match="already settled"):
        a.undo("ta-a")
    with pytest.raises(DomainError, match="refused it as a conflict"):
        a.undo(settle.id)
    b.seat_records.take_in(lines_of(a, {"ta-a", settle.id}))
    assert state_of(a) == state_of(b)


def test_references_sort_after_what_they_name_whatever_their_time(
    two: tuple[Store, Store],
) -> None:
    a, b = two
    # b's clock is an hour behind: its withdrawal of p2 says 16:30, before p2 (17:30).
    b.record(
        line(
            "proposal.withdrawn", "2026-03-10T16:30:00-07:00", id="w", proposal="p2", by="employer"
        )
    )
    a.seat_records.take_in(lines_of(b, {"w"}))
    assert a.conflicts() == [] and state_of(a) == state_of(b)
    keys = [json.loads(t)["id"] for t in a.journal()]
    assert keys.index("w") == keys.index("p2") + 1


def test_a_local_write_in_the_past_is_refused_when_it_would_refuse_a_later_event(
    two: tuple[Store, Store],
) -> None:
    a, _b = two
    before = file_digest(a.path)
    with pytest.raises(DomainError, match="t1, already in the journal, refused"):
        a.record(
            line("ta.signed", "2026-03-10T18:00:00-07:00", session=1, articles=["1"], initials=TA)
        )
    assert file_digest(a.path) == before


def test_a_stamped_event_follows_what_this_seat_holds_when_its_clock_is_behind(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "x.db", create=True, seat="notes") as store:
        store.import_journal(small_lines())
        # The clock says 2026-03-01, before everything held: the note is stamped just after.
        note = store.record({"type": "note.added", "session": 1, "text": "late"})
        latest = max(e.at for e in store.events() if e.id != note.id)
        assert note.at > latest
        assert store.notes()[-1].text == "late"


def test_take_in_is_idempotent_and_holds_lines_whose_reference_is_missing(
    two: tuple[Store, Store],
) -> None:
    a, b = two
    proposal = b.record(
        line(
            "proposal.passed",
            "2026-03-10T18:20:00-07:00",
            id="p9",
            session=1,
            by="union",
            articles=["3"],
            label="REA #9",
        )
    )
    undo = b.undo(proposal.id)
    lines = lines_of(b, {"p9", undo.id})
    held = a.seat_records.take_in([lines[1]])
    assert held.held == {undo.id} and held.received == 0
    first = a.seat_records.take_in(lines)
    assert first.received == 2
    snapshot = (state_of(a), list(a.journal()))
    for again in (lines, list(reversed(lines)), lines + lines):
        assert a.seat_records.take_in(again).received == 0
    assert (state_of(a), list(a.journal())) == snapshot
    assert state_of(a) == state_of(b)


def test_keys_sort_as_the_shared_order() -> None:
    db1, db2 = "0" * 8 + "-0000-4000-8000-" + "0" * 12, "f" * 8 + "-0000-4000-8000-" + "0" * 12
    early, late = own_key("note.added", 5, db2, 9), own_key("note.added", 6, db1, 1)
    assert early < late
    assert own_key("note.added", 5, db1, 9) < early  # same time: the database id decides
    assert own_key("campaign.created", 10**15, db2, 1) < early  # the campaign comes first
    after = sort_key(own_key("event.undone", 1, db1, 2), [late])
    assert late < after < own_key("note.added", 7, db1, 1)
    assert sort_key(own_key("event.undone", 9, db1, 2), [early]) == own_key(
        "event.undone", 9, db1, 2
    )


def test_undoing_the_side_that_stood_lets_the_conflict_stand_instead(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    a, b = two
    both_ta_article_2(a, b)
    a.seat_records.take_in(lines_of(b, {"ta-b"}))
    b.seat_records.take_in(lines_of(a, {"ta-a"}))
    undo = b.undo("ta-b")  # the one that stood
    assert b.conflicts() == [] and "ta-a" in [t.id for t in b.tas()]
    a.seat_records.take_in(lines_of(b, {undo.id}))
    assert state_of(a) == state_of(b)
    with pytest.raises(DomainError, match="already has a TA"):
        b.undo(undo.id)  # bringing ta-b back would refuse ta-a
    with rebuilt(b, tmp_path / "again.db") as again:
        assert state_of(again) == state_of(b)
