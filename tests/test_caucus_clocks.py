"""An overdue caucus extended: the new due time runs from the extension, not from the old due
time (DESIGN.md, "Overdue extension"), as a rule and through the store's records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models import actions, caucus_clocks
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


def test_minutes_alone_add_to_the_due_time() -> None:
    assert caucus_due_back(T0, 20, [10, 5]) == at(35)
    assert caucus_due_back(T0, 10, []) == at(10)


def line(kind: str, when: float, **fields: object) -> dict[str, object]:
    return {"type": kind, "session": 2, "at": at(when).isoformat(), **fields}


def test_the_console_read_counts_an_overdue_extension_from_its_instant(
    live_store: Store,
) -> None:
    store = live_store
    store.record(line("caucus.started", 0, by="employer", minutes=10))
    store.record(line("caucus.extended", 25, by="employer", minutes=10))
    [raw] = store.caucuses(2, open_only=True)
    assert raw.due_back == at(20)  # the store's own read adds to the old due time
    [caucus] = caucus_clocks.caucuses(store, 2, open_only=True)
    assert caucus.due_back == at(35)
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
    first, employer, second = caucus_clocks.caucuses(store, 2)
    assert first.due_back == at(35)
    assert employer.due_back == at(50) and employer.side is CaucusSide.EMPLOYER
    assert second.due_back == at(75)  # due at 60, +5 given at 70; the undone 30 is gone
    assert [c.due_back for c in caucus_clocks.caucuses(store, 2, open_only=True)] == [
        at(50),
        at(75),
    ]


def test_without_extensions_the_store_read_is_used_as_it_is(live_store: Store) -> None:
    live_store.record(line("caucus.started", 0, by="joint", minutes=15))
    assert caucus_clocks.caucuses(live_store, 2) == live_store.caucuses(2)
