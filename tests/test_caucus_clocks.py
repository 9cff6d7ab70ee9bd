"""An overdue caucus extended: the new due time runs from the extension, not from the old due
time (DESIGN.md, "Overdue extension"), as a rule and through the store's records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import actions
from models.domain import CaucusSide
from models.rules import caucus_due_back, caucus_remaining
from models.store import Store

T0 = datetime(2026, 3, 22, 23, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_an_extension_of_an_overdue_caucus_runs_from_when_it_was_given() -> None:
    # 10 minutes, overdue by 15 when 10 more are given: due 10 minutes after the extension.
    assert caucus_due_back(T0, 10, [(at(25), 10)]) == at(35)


def test_an_extension_before_the_due_time_adds_to_the_due_time() -> None:
    assert caucus_due_back(T0, 20, [(at(5), 10)]) == at(30)
    assert caucus_due_back(T0, 20, [(at(20), 10)]) == at(30)  # given on the dot


def test_extensions_apply_in_order() -> None:
    # Due at 10; +5 at 3 -> 15; +10 at 40 (overdue) -> 50; +5 at 41 -> 55.
    assert caucus_due_back(T0, 10, [(at(3), 5), (at(40), 10), (at(41), 5)]) == at(55)


def test_without_extensions_a_caucus_is_due_after_its_minutes() -> None:
    assert caucus_due_back(T0, 10, []) == at(10)


def line(kind: str, when: float, **fields: object) -> dict[str, object]:
    return {"type": kind, "session": 2, "at": at(when).isoformat(), **fields}


def test_the_console_read_counts_an_overdue_extension_from_its_instant(
    live_store: Store,
) -> None:
    store = live_store
    store.record(line("caucus.started", 0, by="employer", minutes=10))
    store.record(line("caucus.extended", 25, by="employer", minutes=10))
    [caucus] = store.caucuses(2, open_only=True)
    assert caucus.due_back == at(35)  # not at(20): the 10 minutes run from the extension
    assert caucus in store.caucuses()  # every session's read says the same
    assert caucus_remaining(caucus.due_back, at(25)) == timedelta(minutes=10)  # not "due"
    assert caucus.extended_minutes == 10


def test_each_caucus_gets_its_own_extensions_and_undone_ones_count_for_nothing(
    live_store: Store,
) -> None:
    store = live_store
    store.record(line("caucus.started", 0, by="union", minutes=10))
    store.record(line("caucus.extended", 30, by="union", minutes=5))
    store.record(line("caucus.ended", 36, by="union"))
    store.record(line("caucus.started", 40, by="employer", minutes=10))
    store.record(line("caucus.started", 50, by="union", minutes=10))
    mistake = store.record(line("caucus.extended", 55, by="union", minutes=30))
    store.record(line("caucus.extended", 70, by="union", minutes=5))
    actions.undo_event(store, mistake)
    first, employer, second = store.caucuses(2)
    assert first.due_back == at(35)
    assert employer.due_back == at(50) and employer.side is CaucusSide.EMPLOYER
    assert second.due_back == at(75)  # due at 60, +5 given at 70; the undone 30 is gone
    assert [c.due_back for c in store.caucuses(2, open_only=True)] == [
        at(50),
        at(75),
    ]


def test_one_read_of_the_caucuses(live_store: Store) -> None:
    """The caucus read finds each extension's instant in its own query: a read of the
    caucuses with extensions costs the same two statements as one without."""
    store = live_store
    store.record(line("caucus.started", 0, by="union", minutes=10))
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    store.caucuses(2)
    plain = len(statements)
    store.db.conn.set_trace_callback(None)
    store.record(line("caucus.extended", 25, by="union", minutes=10))
    statements.clear()
    store.db.conn.set_trace_callback(statements.append)
    [caucus] = store.caucuses(2)
    store.db.conn.set_trace_callback(None)
    assert caucus.due_back == at(35)
    assert len(statements) == plain
    assert not any("caucus.started" in sql for sql in statements)
