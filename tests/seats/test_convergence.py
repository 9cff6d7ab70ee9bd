"""Convergence, as a property: two and three seats, random actions and exchanges, delivery
shuffled, duplicated and delayed, clocks seconds apart. After a full exchange every seat shows
the same board, recap and journal, and each equals the state rebuilt from that journal."""

from __future__ import annotations

import os
import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import seats
from models.errors import DomainError
from models.recap import build_snapshot
from models.store import Store
from tests.seats.support import event_set, rebuilt, small_lines, state_of

BASE = datetime(2026, 3, 17, 23, 40, tzinfo=UTC)  # session 2 runs from 23:31 UTC
ARTICLES = ["2", "3", "4", "10"]
ACTIONS = [
    "note",
    "pass",
    "ta",
    "caucus",
    "end_caucus",
    "withdraw",
    "undo",
    "settle",
    "exchange",
    "deliver",
]

step = st.tuples(
    st.integers(0, 2),  # which seat
    st.sampled_from(ACTIONS),
    st.integers(0, 3),  # which article, side or choice
    st.integers(1, 20),  # seconds that pass before it
)


class Seat:
    """One seat: its store, and a clock some seconds off the others'."""

    def __init__(self, store: Store, offset_s: int, now: list[float]) -> None:
        self.store = store
        self.offset_s = offset_s
        self.now = now
        store.clock = self.clock

    def clock(self) -> datetime:
        return BASE + timedelta(seconds=self.now[0] + self.offset_s)


def act(
    seat: Seat, others: list[Seat], action: str, choice: int, rng: random.Random, folder: Path
) -> None:
    store = seat.store
    side = ("union", "employer")[choice % 2]
    article = ARTICLES[choice]
    lines: dict[str, dict[str, Any]] = {
        "note": {"type": "note.added", "session": 2, "text": f"note {rng.random():.6f}"},
        "pass": {
            "type": "proposal.passed",
            "session": 2,
            "by": side,
            "articles": [article],
            "label": f"{side[:1]}{rng.randrange(10**9)}",
        },
        "ta": {
            "type": "ta.signed",
            "session": 2,
            "articles": [article],
            "initials": {"union": "A", "employer": "B"},
        },
        "caucus": {"type": "caucus.started", "session": 2, "by": side, "minutes": 10},
        "end_caucus": {"type": "caucus.ended", "session": 2, "by": side},
    }
    try:
        if action in lines:
            store.record(lines[action])
        elif action == "withdraw":
            standing = [p for p in store.proposals() if p.status.value == "standing"]
            if standing:
                p = standing[choice % len(standing)]
                store.record({"type": "proposal.withdrawn", "proposal": p.id, "by": p.by.value})
        elif action == "undo":
            last = store.last_undoable()
            if last is not None:
                store.undo(last.id)
        elif action == "settle":  # undo either side of a conflict, or any event of the session
            found = [c.event_id for c in store.conflicts()]
            found += [e.id for e in store.events() if e.data.get("session") == 2 and not e.undone]
            if found:
                store.undo(found[(choice * 7919 + len(found)) % len(found)])
        elif action == "exchange":
            seats.exchange(store, folder)
        elif action == "deliver":  # another seat's lines, shuffled and duplicated, directly
            source = others[choice % len(others)].store
            own = [line for line in _lines(source) if line["origin"]["db"] == source.database_id]
            picked = [line for line in own if rng.random() < 0.6] * 2
            rng.shuffle(picked)
            store.seat_records.take_in(picked)
    except DomainError:
        pass  # refused at this seat, as the app would say; nothing was written


def _lines(store: Store) -> list[dict[str, Any]]:
    import json

    return [json.loads(text) for text in store.journal()]


def run(count: int, steps: list[tuple[int, str, int, int]], offsets: list[int], seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder = tmp / "shared"
        now = [0.0]
        first = Store(tmp / "s0.db", create=True, seat="seat0")
        first.import_journal(small_lines())
        first.record(
            {
                "type": "session.scheduled",
                "session": 2,
                "at": "2026-03-11T09:00:00Z",
                "starts": "2026-03-17T23:30:00Z",
            }
        )
        first.record({"type": "session.started", "session": 2, "at": "2026-03-17T23:31:00Z"})
        seats.exchange(first, folder)
        group = [Seat(first, offsets[0], now)]
        for i in range(1, count):
            joined = seats.join(folder, tmp / f"s{i}.db", seat=f"seat{i}")
            group.append(Seat(joined, offsets[i], now))
        try:
            for who, action, choice, seconds in steps:
                now[0] += seconds
                seat = group[who % count]
                act(seat, [s for s in group if s is not seat], action, choice, rng, folder)
            for _round in range(3):  # a full exchange: everyone writes, then everyone reads
                for seat in group:
                    seats.exchange(seat.store, folder)
            check(group, tmp)
        finally:
            for seat in group:
                seat.store.close()


def recap_of(store: Store) -> object:
    """The member recap of the latest started session (or why there is none)."""
    try:
        return build_snapshot(store, None, "members", BASE + timedelta(hours=3))
    except DomainError as error:
        return str(error)


def check(group: list[Seat], tmp: Path) -> None:
    first = group[0].store
    expected_events = event_set(first)
    expected_state = state_of(first)
    expected_journal = list(first.journal())
    for seat in group[1:]:
        assert event_set(seat.store) == expected_events
        assert state_of(seat.store) == expected_state
        assert list(seat.store.journal()) == expected_journal
        assert seat.store.board("members") == first.board("members")
    recap = recap_of(first)
    for seat in group[1:]:
        assert recap_of(seat.store) == recap
    with rebuilt(first, tmp / "rebuilt.db") as again:
        assert state_of(again) == expected_state
        assert event_set(again) == expected_events


@settings(
    max_examples=int(os.environ.get("SEATS_EXAMPLES", "12")),  # a longer run: 200
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    count=st.sampled_from([2, 3]),
    steps=st.lists(step, min_size=1, max_size=30),
    offsets=st.lists(st.integers(-5, 5), min_size=3, max_size=3),
    seed=st.integers(0, 2**16),
)
def test_every_seat_converges_on_one_state(
    count: int, steps: list[tuple[int, str, int, int]], offsets: list[int], seed: int
) -> None:
    run(count, steps, offsets, seed)


def test_two_seats_tading_one_article_at_once_converge_on_one_conflict() -> None:
    steps = [(0, "ta", 1, 5), (1, "ta", 1, 1), (0, "exchange", 0, 1), (1, "exchange", 0, 1)]
    run(2, steps, [0, -3, 0], 1)
