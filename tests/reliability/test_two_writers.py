"""Two seats writing 1,000 actions each to one file at the same time: none lost, none locked."""

from __future__ import annotations

import multiprocessing
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from models import actions
from models.domain import Party
from models.errors import StoreError
from models.store import Store
from tests.support import SMALL_JOURNAL

ACTIONS_EACH = 1_000


def _seat(
    path: str, seat: str, skew_s: float, start: float, results: multiprocessing.Queue
) -> None:
    """Record ACTIONS_EACH actions with a clock `skew_s` seconds off; report refusals."""

    def clock() -> datetime:
        return datetime.now(UTC) + timedelta(seconds=skew_s)

    store = Store(Path(path), seat=seat, clock=clock)
    while time.time() < start:
        time.sleep(0.001)
    locked = 0
    for index in range(ACTIONS_EACH):
        try:
            if index % 10 == 9:
                actions.pass_proposal(
                    store,
                    session=2,
                    by=Party.UNION if seat == "lead" else Party.EMPLOYER,
                    articles=["2"],
                    label=f"{seat} #{index}",
                )
            elif index % 10 == 8:
                actions.make_info_request(store, session=2, by=Party.UNION, text=f"{seat} {index}")
            else:
                actions.add_note(store, session=2, text=f"{seat} {index}")
        except StoreError:
            locked += 1
    store.close()
    results.put((seat, locked))


def test_two_seats_record_a_thousand_actions_each_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with Store(path, create=True) as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
        store.record(
            {"type": "session.scheduled", "session": 2, "starts": "2026-03-17T16:30:00-07:00"}
        )
    context = multiprocessing.get_context("spawn")
    results: multiprocessing.Queue = context.Queue()
    start = time.time() + 2.0
    seats = [
        context.Process(target=_seat, args=(str(path), "lead", 0.0, start, results)),
        context.Process(target=_seat, args=(str(path), "notes", -3.0, start, results)),
    ]
    began = time.perf_counter()
    for process in seats:
        process.start()
    for process in seats:
        process.join(timeout=300)
    elapsed = time.perf_counter() - began
    reports = dict(results.get(timeout=5) for _ in seats)
    assert reports == {"lead": 0, "notes": 0}, "some actions were refused as locked"
    with Store(path) as store:
        notes = store.notes(2)
        proposals = store.proposals(2)
        requests = [r for r in store.info_requests() if r.session == 2]
        assert len(notes) + len(proposals) + len(requests) == 2 * ACTIONS_EACH
        for seat in ("lead", "notes"):
            texts = {n.text for n in notes if n.text.startswith(seat + " ")}
            assert len(texts) == ACTIONS_EACH * 8 // 10
        events = {e.id: e.seq for e in store.events(types=["note.added"])}
        keys = [(n.at, events[n.id]) for n in notes]
        assert keys == sorted(keys), "notes are not ordered by (time, journal order)"
    print(f"2 x {ACTIONS_EACH} actions in {elapsed:.1f} s, none lost, none locked")
