"""Two seats through a real sync engine (issue 16): each seat its own database and home, the
shared folder kept in step by two Syncthing instances on loopback; a note recorded on the lead's
seat reaches the note-taker's state and screen."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from models import actions
from models.demo import demo_events
from models.store import Store
from tests.seats.syncthing import SyncthingPair, wait_for
from tests.tui.conftest import DEMO_DAY, FROZEN_AT, FrozenClock
from tests.tui.test_two_seats import note_log
from tui.app import BargainingApp

seats = pytest.importorskip("models.seats")

pytestmark = pytest.mark.slow

CARRY = 60.0
"""Seconds allowed for Syncthing to carry a seat's files to the other folder."""


def lead_seat(home: Path) -> Path:
    """The lead's database: the demo campaign, in the lead's own home (never in the folder)."""
    home.mkdir(mode=0o700)
    path = home / "lead.db"
    with Store(path, create=True, seat="lead") as store:
        store.record_numbered(enumerate(demo_events(DEMO_DAY), 1))
    return path


def exchange_until(db: Path, folder: Path, seen: object, pair: SyncthingPair) -> float:
    """Exchange `db` with `folder` until `seen(store)` holds; seconds taken."""

    def done() -> bool:
        with Store(db) as store:
            seats.exchange(store, folder)
            return bool(seen(store))  # type: ignore[operator]

    return wait_for(done, CARRY, "the seat's events crossed through Syncthing", pair)


async def test_a_note_reaches_the_other_seat_through_syncthing(
    syncthing: SyncthingPair, tmp_path: Path
) -> None:
    lead_db = lead_seat(tmp_path / "lead-seat")
    with Store(lead_db) as lead:
        seats.exchange(lead, syncthing.a.folder)
        lead_id = lead.database_id
    arrived = syncthing.b.folder / "seats" / lead_id
    wait_for(lambda: arrived.is_dir() and any(arrived.iterdir()), CARRY, "files crossed", syncthing)
    notes_db = tmp_path / "notes-seat" / "notes.db"
    notes_db.parent.mkdir(mode=0o700)
    joined = wait_for(
        lambda: _joined(syncthing.b.folder, notes_db), CARRY, "the note-taker joined", syncthing
    )
    assert joined < CARRY
    # A note on the lead's seat, through the write API, reaches the note-taker's state...
    with Store(lead_db, seat="lead") as lead:
        actions.add_note(lead, session=5, text="District will cost the class size cap tonight")
        seats.exchange(lead, syncthing.a.folder)
    exchange_until(
        notes_db,
        syncthing.b.folder,
        lambda store: any("class size cap" in n.text for n in store.notes(5, limit=5)),
        syncthing,
    )
    # ...and a note on the lead's seat reaches the note-taker's screen while its app syncs.
    clock = FrozenClock(FROZEN_AT)
    app = BargainingApp(notes_db, seat="notes", clock=clock, sync=syncthing.b.folder)
    async with app.run_test(size=(80, 24)) as pilot:
        with Store(lead_db, seat="lead") as lead:
            actions.add_note(lead, session=5, text="Caucus at seven to answer on caseloads")
            seats.exchange(lead, syncthing.a.folder)
        started = time.monotonic()
        while "Caucus at seven" not in note_log(app):
            assert time.monotonic() - started < CARRY, syncthing.logs()
            await pilot.pause(0.2)


def _joined(folder: Path, db: Path) -> bool:
    try:
        seats.join(folder, db, seat="notes").close()
    except Exception:  # a part-file or a campaign not all there yet: try again
        if db.exists():
            db.unlink()
        return False
    return True
